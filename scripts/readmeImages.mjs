// A README for a package that leaves some of the repository's images out: each image it does not
// ship becomes its description in italics, so the page that shows the README (VS Code's extension
// details, npm's package page) has no broken picture. Links out (`https:` and the like) stay.

/** The README's text with every relative image not `shipped(path)` replaced; `left` counts them. */
export function readmeWithShippedImages(readme, shipped) {
  let left = 0;
  const text = readme.replace(/!\[([^\]\n]*)\]\(([^)\s]+)\)/g, (image, alt, target) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || shipped(target.replace(/^\.\//, ''))) return image;
    left++;
    return `*${alt.trim() || target}*`;
  });
  return { text, left };
}
