// What of an SVG icon the preview keeps: an allow-list of the elements and attributes that draw
// (shapes, text, gradients, patterns, clips, masks, markers, filters), never one that runs, embeds or
// fetches. Names are case-sensitive, as in XML: `<SCRIPT>` is not on the list either.

/** Elements kept with their content (when their attributes pass). */
export const DRAWING_ELEMENTS: ReadonlySet<string> = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'switch',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'image',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
  'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
  'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting',
  'feSpotLight', 'feTile', 'feTurbulence',
]);

/** Elements whose tag goes but whose drawing stays (a link around shapes). */
export const UNWRAPPED_ELEMENTS: ReadonlySet<string> = new Set(['a']);

/** Editors' bookkeeping, dropped without a word: it draws nothing and runs nothing. */
export const SILENT_ELEMENTS: ReadonlySet<string> = new Set(['metadata']);

/** Elements with an `href` that must point inside the icon (`#id`). */
export const FRAGMENT_HREF_ELEMENTS: ReadonlySet<string> = new Set(['use', 'textPath', 'linearGradient', 'radialGradient', 'pattern', 'filter']);

const GEOMETRY = [
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'width', 'height', 'd', 'points', 'pathLength',
  'viewBox', 'preserveAspectRatio', 'transform', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'startOffset', 'method', 'spacing', 'side',
  'refX', 'refY', 'orient', 'markerWidth', 'markerHeight', 'markerUnits', 'version', 'baseProfile', 'zoomAndPan',
];
const PAINT = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'stroke-dasharray',
  'stroke-dashoffset', 'stroke-opacity', 'opacity', 'color', 'display', 'visibility', 'overflow', 'clip', 'clip-path', 'clip-rule', 'mask',
  'filter', 'marker', 'marker-start', 'marker-mid', 'marker-end', 'paint-order', 'vector-effect', 'shape-rendering', 'image-rendering',
  'text-rendering', 'color-interpolation', 'color-interpolation-filters', 'color-rendering', 'isolation', 'mix-blend-mode', 'enable-background',
  'mask-type', 'stop-color', 'stop-opacity', 'flood-color', 'flood-opacity', 'lighting-color', 'solid-color', 'solid-opacity',
];
const TEXT = [
  'font-family', 'font-size', 'font-size-adjust', 'font-stretch', 'font-style', 'font-variant', 'font-weight', 'font', 'text-anchor',
  'text-decoration', 'dominant-baseline', 'alignment-baseline', 'baseline-shift', 'letter-spacing', 'word-spacing', 'writing-mode',
  'direction', 'unicode-bidi', 'white-space', 'xml:space', 'lang', 'xml:lang',
];
const UNITS_AND_FILTERS = [
  'gradientUnits', 'gradientTransform', 'spreadMethod', 'offset', 'patternUnits', 'patternContentUnits', 'patternTransform',
  'clipPathUnits', 'maskUnits', 'maskContentUnits', 'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'edgeMode',
  'mode', 'operator', 'k1', 'k2', 'k3', 'k4', 'values', 'type', 'tableValues', 'slope', 'intercept', 'amplitude', 'exponent',
  'radius', 'scale', 'xChannelSelector', 'yChannelSelector', 'baseFrequency', 'numOctaves', 'seed', 'stitchTiles', 'order', 'kernelMatrix',
  'divisor', 'bias', 'targetX', 'targetY', 'preserveAlpha', 'kernelUnitLength', 'surfaceScale', 'diffuseConstant', 'specularConstant',
  'specularExponent', 'azimuth', 'elevation', 'z', 'pointsAtX', 'pointsAtY', 'pointsAtZ', 'limitingConeAngle', 'requiredFeatures',
  'requiredExtensions', 'systemLanguage',
];
const IDENTITY = ['id', 'class', 'style', 'role', 'aria-hidden', 'aria-label', 'aria-labelledby', 'focusable', 'tabindex', 'href', 'xlink:href', 'xlink:title'];

/** Attributes kept (when their values pass). `data-*` attributes are kept too. */
export const DRAWING_ATTRIBUTES: ReadonlySet<string> = new Set([...GEOMETRY, ...PAINT, ...TEXT, ...UNITS_AND_FILTERS, ...IDENTITY]);

/** Raster images an `<image>` may embed as a `data:` URI (an SVG image could hold its own references). */
export const EMBEDDABLE_IMAGE_PREFIXES: readonly string[] = ['data:image/png', 'data:image/jpeg', 'data:image/jpg', 'data:image/gif', 'data:image/webp'];

/** Text in a value or style sheet that may run or fetch something, or hide it (CSS escapes). */
export const UNSAFE_CSS_MARKERS: readonly string[] = ['@import', 'javascript:', 'vbscript:', 'expression(', '-moz-binding', 'behavior:', 'image(', 'image-set(', '\\'];
