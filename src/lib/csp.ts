/**
 * Content-Security-Policy: everything comes from the site itself, there are
 * no inline scripts, styles or style attributes, and the only extra is what
 * Pagefind's WebAssembly needs ('wasm-unsafe-eval'). Hostile text that slipped
 * into a page could not run a script or load anything from elsewhere.
 * (A <meta> policy cannot set frame-ancestors; a host can add that header.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
