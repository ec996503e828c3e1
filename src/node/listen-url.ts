/**
 * The URL to print for a server bound to `host` (undefined or a wildcard address:
 * localhost), IPv6 literals in brackets. Tests and operators read the port from it.
 */
export function listenUrl(host: string | undefined, port: number): string {
  const name = host && host !== "0.0.0.0" && host !== "::" ? host : "localhost";
  return `http://${name.includes(":") ? `[${name}]` : name}:${port}`;
}
