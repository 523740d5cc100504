/** A catalogue trimmed to the service worker's keys by the build (wxt.config.ts); whole in unit tests. */
declare module '*.json?background' {
  const file: Readonly<Record<string, { message: string; description?: string }>>;
  export default file;
}
