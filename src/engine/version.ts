// kubehop's own version (printed by `kubehop --version`).
export const VERSION = '0.1.0'
