// wrangler bundles *.sql as Text modules (its default rules): the import is the file's contents.
declare module "*.sql" {
  const text: string;
  export default text;
}

// ...and *.txt: the browser bundles (dist/web/*.txt, written by wrangler.toml's [build]).
declare module "*.txt" {
  const text: string;
  export default text;
}
