import { render } from "preact";
import { adoptStyles } from "../shared/styles.js";
import { BookingApp } from "./app.js";

// <pitlane-booking dealer="roma-est" lang="en" vehicle-model="Grecale" vin="…"
//   interventions="maintenance,tyres" theme="dark" api="https://book.pitlane.example">
// A custom element with an open Shadow DOM: the dealer's CSS cannot reach inside, ours
// cannot leak out; theming goes through CSS custom properties (shared/styles.ts), which
// do cross the boundary. `api` defaults to the origin this very script came from.

const SCRIPT_ORIGIN = new URL(import.meta.url).origin;
const ATTRS = ["dealer", "api", "lang", "vehicle-model", "vin", "interventions", "theme"] as const;

class PitlaneBooking extends HTMLElement {
  static observedAttributes = [...ATTRS];
  #root: ShadowRoot | null = null;

  connectedCallback() {
    if (!this.#root) {
      this.#root = this.attachShadow({ mode: "open" });
      adoptStyles(this.#root);
    }
    this.#render();
  }

  attributeChangedCallback() {
    if (this.#root) this.#render();
  }

  disconnectedCallback() {
    if (this.#root) render(null, this.#root);
  }

  #render() {
    const a = (n: string) => this.getAttribute(n);
    const api = (a("api") ?? SCRIPT_ORIGIN).replace(/\/+$/, "");
    // key: a new dealer or api is a new booking, not a continuation of the last one.
    render(
      <BookingApp
        key={`${api}|${a("dealer")}`}
        dealer={a("dealer") ?? ""}
        api={api}
        lang={a("lang")}
        vehicleModel={a("vehicle-model")}
        vin={a("vin")}
        interventions={a("interventions")}
        theme={a("theme")}
      />,
      this.#root!,
    );
  }
}

if (!customElements.get("pitlane-booking")) customElements.define("pitlane-booking", PitlaneBooking);
