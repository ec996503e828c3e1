import { render } from "preact";
import { adoptStyles } from "../shared/styles.js";
import { ManageApp } from "./app.js";

// The customer's page, /m/{manageToken}: the token is the last path segment, the API is
// the origin this script came from (the page is served by Pitlane itself).

const token = decodeURIComponent(location.pathname.split("/").pop() ?? "");
const lang = new URLSearchParams(location.search).get("lang");
const mount = document.getElementById("pitlane-manage");
if (mount) {
  adoptStyles(document);
  render(<ManageApp api={new URL(import.meta.url).origin} token={token} lang={lang} />, mount);
}
