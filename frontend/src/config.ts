/** Build-time configuration (Vite env), with the local-development defaults. */
export const oidcSettings = {
  authority: import.meta.env.VITE_OIDC_AUTHORITY || 'http://localhost:8180/realms/meike',
  clientId: import.meta.env.VITE_OIDC_CLIENT_ID || 'meike-spa',
};

/** Page size of list screens ("load more" fetches the next page of this size). */
export const PAGE_SIZE = 50;
