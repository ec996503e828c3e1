import { render } from "preact";
import { App } from "./app.js";
import { lang } from "./i18n.js";

// The advisors' page (GET /board): signs in, then runs the day.
document.documentElement.lang = lang;
render(<App />, document.getElementById("board")!);
