const ac = require("autocannon"); const fs = require("fs");
const pid = Number(process.argv[2]);
const cpu = () => { const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8"); const f = s.slice(s.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const body = JSON.stringify({ vehicle: { model: "Grecale", vin: "ZN6ABC" }, interventions: ["tyres"], customer: { known: true }, mobility: "none", from: "2026-11-25", days: 14 });
const c0 = cpu();
ac({ url: "http://127.0.0.1:18183/x", connections: 50, duration: 6, method: "POST", body, headers: { "content-type": "application/json" } }, (e, r) => { const n = r.requests.total; console.log("req/s", r.requests.average, "server CPU µs/req", Math.round((cpu() - c0) * 1000 / n), "p99", r.latency.p99); });
