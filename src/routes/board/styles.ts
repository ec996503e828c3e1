// The advisors' page stylesheet (inlined by page.ts). Colours meet WCAG AA contrast on
// their backgrounds; status is never told by colour alone (each slot also says it).
export const BOARD_CSS = `
:root{--ink:#1b1f24;--muted:#4a525c;--line:#c9cfd6;--bg:#f6f7f9;--card:#fff;--accent:#0b57d0;--danger:#a3140e;
--requested:#fff4d6;--confirmed:#dcecff;--checked_in:#dff5e3;--completed:#e9e9ee;--no_show:#fde2e1;--cancelled:#eee;}
*{box-sizing:border-box}
body{margin:0;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
button,input,select,textarea{font:inherit}
button{cursor:pointer;border:1px solid var(--accent);background:var(--card);color:var(--accent);border-radius:6px;padding:.35rem .7rem}
button.primary{background:var(--accent);color:#fff}
button.danger{border-color:var(--danger);color:var(--danger)}
button:disabled,button[aria-disabled="true"]{opacity:.6;cursor:default}
button.link{border:0;background:none;padding:0;text-align:left;text-decoration:underline}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}
header.top{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;padding:.6rem 1rem;background:#14213d;color:#fff}
header.top h1{font-size:1.1rem;margin:0 auto 0 0}
header.top button{background:transparent;color:#fff;border-color:#fff}
header.top .date{font-weight:600;min-width:12rem;text-align:center}
main{display:grid;grid-template-columns:minmax(0,1fr) 20rem;gap:1rem;padding:1rem}
@media (max-width:900px){main{grid-template-columns:minmax(0,1fr)}}
section.card,aside section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.75rem;margin-bottom:1rem}
h2{font-size:1rem;margin:0 0 .5rem}
.toolbar{display:flex;gap:.5rem;flex-wrap:wrap;margin-bottom:.75rem}
/* The day scrolls sideways at a fixed scale: a quarter hour is 4rem (64 px) at least, so the
   shortest slot, a 10-minute return (2.67rem), still shows its whole start time ("09:00" at
   .75rem is 2.2rem in DejaVu Sans, the widest common UI font) and is a 24 px target (WCAG
   2.5.8). In rem, not px: a larger default font widens the day with the labels. --quarters
   (the day's span in quarter hours) comes from the timeline; scroll-padding keeps a focused
   slot from being scrolled in under the sticky names. */
.timeline-wrap{--names:9rem;--quarter:4rem;overflow-x:auto;padding-bottom:6rem;scroll-padding-left:var(--names)}
@media (max-width:600px){.timeline-wrap{--names:6rem}}
.timeline,.hours{min-width:calc(var(--names) + var(--quarters,44) * var(--quarter))}
.timeline{list-style:none;margin:0;padding:0}
.row{display:grid;grid-template-columns:var(--names) minmax(0,1fr);align-items:stretch;border-top:1px solid var(--line);min-height:4.1rem}
/* The names stay in view while the day scrolls under them (above slots, below tooltips). */
.row .who,.hours>span:first-child{position:sticky;left:0;z-index:4;background:var(--card);box-shadow:1px 0 0 var(--line)}
.row .who{padding:.4rem .3rem;font-weight:600}
.row .who small{display:block;font-weight:400;color:var(--muted)}
.track{position:relative;min-height:4.1rem;background:repeating-linear-gradient(90deg,transparent 0,transparent calc(var(--hour) - 1px),#e3e6ea calc(var(--hour) - 1px),#e3e6ea var(--hour))}
.track.drop{background-color:#eef4ff;outline:2px dashed var(--accent)}
.track.absent{background-color:#f3eded}
.hours{display:grid;grid-template-columns:var(--names) minmax(0,1fr);font-size:.75rem;color:var(--muted)}
.hours .scale{position:relative;height:1.2rem}
/* Each hour centred on its line, but the day's first and last kept inside the ruler: centred,
   half of the first stood under the names and half of the last past the day's end. */
.hours .scale span{position:absolute;transform:translateX(-50%)}
.hours .scale span:first-child{transform:none}
.hours .scale span:last-child{transform:translateX(-100%)}
/* The start time, never cut (regular weight, tabular digits: the width the scale was sized
   for), then the customer or vehicle on up to two lines (the rows are tall enough for three),
   broken between words only: a word too wide for the slot ends in an ellipsis ("Massim…":
   text-overflow cuts each line that overflows), never broken inside ("Massimilia" / "no"
   read as two names); an ellipsis past the second line too. On one line a quarter hour
   showed "Anna G…", and the desk could not tell two customers apart (the whole name is in
   the accessible name and the tooltip). The marks (↩ return, E express, ! forced) come
   after it and never shrink: in a quarter hour a name pushed them out of sight, and only
   the accessible name still had them. A slot shorter than a quarter hour (.short: a
   10-minute return) puts them under one line of name: beside them it had one letter. */
.slot{position:absolute;top:.25rem;bottom:.25rem;min-width:0;padding:.1rem;border:1px solid #6b7480;border-radius:5px;color:var(--ink);text-align:left;white-space:nowrap;font-size:.75rem;line-height:1.2;font-variant-numeric:tabular-nums}
.slot>span[aria-hidden]{display:block;overflow:hidden}
.slot .time{display:block}
.slot .more{display:flex;align-items:flex-start;overflow:hidden}
.slot .name{flex:0 1 auto;min-width:0;overflow:hidden;white-space:normal;text-overflow:ellipsis;font-size:.7rem;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2}
.slot .marks{flex:none;font-weight:700}
.slot .name+.marks{margin-left:.25em}
.slot.short .more{flex-wrap:wrap}
.slot.short .name{flex-basis:100%;-webkit-line-clamp:1}
.slot.short .name+.marks{margin-left:0}
.slot.return{border-style:dashed}
.slot.requested{background:var(--requested)}.slot.confirmed{background:var(--confirmed)}.slot.checked_in{background:var(--checked_in)}
.slot.completed{background:var(--completed)}.slot.no_show{background:var(--no_show)}
.slot.moved{box-shadow:0 0 0 3px #b45309}
.slot.grabbed{box-shadow:0 0 0 3px var(--accent);z-index:3}
.tip-anchor{position:absolute;top:.25rem;bottom:.25rem;pointer-events:none;z-index:5}.tip-anchor .tip{pointer-events:auto}
.tip{position:absolute;z-index:5;top:100%;left:0;margin-top:.2rem;background:#14213d;color:#fff;padding:.4rem .6rem;border-radius:6px;white-space:normal;width:16rem;font-size:.8rem}
.load{display:grid;grid-template-columns:7rem 1fr 5rem;gap:.4rem;align-items:center;margin:.25rem 0}
.bar{height:.7rem;background:#e3e6ea;border-radius:4px;overflow:hidden}.bar span{display:block;height:100%;background:#2f6f3e}
.bar span.high{background:var(--danger)}
ul.plain{list-style:none;margin:0;padding:0}ul.plain li{padding:.35rem 0;border-top:1px solid var(--line)}
h3.message-kind{font-size:.9rem;margin:0}ul.plain li p{margin:.15rem 0 0;font-size:.85rem}
fieldset.message-filter{border:0;margin:0 0 .5rem;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem;font-size:.85rem}fieldset.message-filter legend{font-weight:600;padding:0;margin-bottom:.25rem}
fieldset.message-filter label{display:inline-flex;align-items:center;gap:.3rem}fieldset.message-filter label>input{display:inline;width:auto;padding:0;margin:0;border:0}
.muted{color:var(--muted)}
.error{color:var(--danger);font-weight:600}
.notice{background:#fff4d6;border:1px solid #b45309;border-radius:6px;padding:.5rem}
dialog{border:1px solid var(--line);border-radius:10px;padding:1rem;max-width:40rem;width:95vw}
dialog::backdrop{background:rgba(0,0,0,.35)}
dialog h2{font-size:1.1rem}
label{display:block;margin:.4rem 0}
label>input,label>select,label>textarea{display:block;width:100%;padding:.3rem;border:1px solid #6b7480;border-radius:5px}
label>input[type=checkbox]{display:inline;width:auto;margin:0 .4rem 0 0;vertical-align:middle}
.actions{display:flex;gap:.5rem;flex-wrap:wrap;margin-top:.75rem}
table.diff{border-collapse:collapse;width:100%;font-size:.85rem}
table.diff th,table.diff td{border-bottom:1px solid var(--line);padding:.3rem;text-align:left;vertical-align:top}
.signin{max-width:26rem;margin:4rem auto;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1.5rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.loading{padding:2rem;text-align:center}
.muted-inverse{font-weight:400;color:#dfe6f0}
.daynav{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
.daynav .jump{display:flex;gap:.4rem;align-items:center;margin:0}
.daynav .jump label{display:flex;gap:.3rem;align-items:center;margin:0;font-size:.9rem}.daynav .jump label>input{width:auto}
.live{font-size:.85rem}
.track{list-style:none;margin:0;padding:0}
.slot-item{display:contents}
.ghost{position:absolute;top:.25rem;bottom:.25rem;width:var(--quarter);border:2px dashed var(--accent);border-radius:5px;font-size:.75rem;padding:.1rem}
.plan h3,form h3{font-size:.95rem;margin:1rem 0 .25rem}
.record-call>button{margin-top:.3rem;font-size:.85rem;padding:.2rem .5rem}.record-call form{margin:.3rem 0;padding:.5rem;border:1px solid var(--line);border-radius:6px;font-size:.85rem}.record-call .actions{margin-top:.4rem}
.task-text{font-size:.85rem}.tasks-done summary{cursor:pointer;margin-top:.5rem;font-size:.9rem}
/* A task's "Show the phone number" and "Show the parts" stand one above the other: each a
   24 px target (WCAG 2.5.8), which a line of small text alone is not. */
.task-phone>button.link,.task-parts>button.link{min-height:1.5rem}
`;
