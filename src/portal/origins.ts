/** The two DGMM portals: the only pages the extension reads. Used by the manifest and the sender check. */
export const PORTAL_ORIGINS = ['https://e-ikamet.goc.gov.tr', 'https://randevu.goc.gov.tr'] as const;
export const PORTAL_MATCHES = PORTAL_ORIGINS.map((o) => `${o}/*`);

export function isPortalUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    return (PORTAL_ORIGINS as readonly string[]).includes(new URL(url).origin);
  } catch {
    return false;
  }
}
