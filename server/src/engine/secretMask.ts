// What a secret looks like wherever the product shows one: the same four dots in previews, logs and reports.
export const SECRET_MASK = '••••';
