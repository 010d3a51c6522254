/** The back office's one stylesheet: phone first, readable on a desk too. Served from /web/style.css (the CSP forbids inline styles). */
export const stylesheet = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;background:#f5f6f8}
header{background:#7a1212;color:#fff;padding:.6rem 1rem}
header a{color:#fff}
header .who{font-size:.85rem;opacity:.9}
nav{display:flex;flex-wrap:wrap;gap:.3rem .9rem;margin-top:.3rem}
nav form{display:inline}
nav button{background:none;border:0;color:#fff;text-decoration:underline;font:inherit;padding:0;cursor:pointer}
main{max-width:70rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.2rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.95rem}
th,td{border:1px solid #d8dce3;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#eef0f4}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.5rem}
.card{background:#fff;border:1px solid #d8dce3;border-radius:.4rem;padding:.5rem .7rem}
.card b{display:block;font-size:1.4rem}
.notice{background:#fff7d6;border:1px solid #e6cf72;padding:.6rem .8rem;border-radius:.4rem}
.error{background:#fde8e8;border:1px solid #e0a0a0;padding:.6rem .8rem;border-radius:.4rem}
.ok{background:#e6f6ea;border:1px solid #98d0a6;padding:.6rem .8rem;border-radius:.4rem}
form.stack{display:flex;flex-direction:column;gap:.6rem;max-width:34rem}
form.wide{max-width:none}
label{font-weight:600}
input,select,textarea,button{font:inherit;padding:.45rem .5rem;border:1px solid #aab2c0;border-radius:.3rem;max-width:100%}
textarea{min-height:6rem}
button{background:#7a1212;color:#fff;border-color:#7a1212;cursor:pointer}
button.secondary{background:#fff;color:#7a1212}
.inline{display:inline-flex;gap:.3rem;align-items:center;flex-wrap:wrap}
.muted{color:#5d6675;font-size:.9rem}
.overdue{color:#b00020;font-weight:600}
svg{max-width:100%;height:auto;background:#fff;border:1px solid #d8dce3}
.scroll{overflow-x:auto}
.report{background:#fff;border:1px solid #d8dce3;padding:1.5rem;font-family:"Times New Roman",Times,serif;max-width:52rem}
.report p{margin:.25rem 0}
.report h2{font-size:1.05rem}
table.report-heading,table.report-heading td{border:0;background:none}
table.report-heading td{width:50%}
.report-center{text-align:center}
.report-title{text-align:center;font-weight:700;font-size:1.2rem;margin-top:1rem}
.report-bold{font-weight:700}
.report-italic{font-style:italic}
.report-underline{text-decoration:underline}
.report-recipients p{font-size:.85rem}
main{overflow-wrap:anywhere}
th,td{overflow-wrap:break-word}
.plan-picker{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-top:.45rem}
.plan-picker label{font-weight:400;font-size:.85rem}
.plan-picker select{flex:1 1 14rem;min-width:0;max-width:44rem;padding:.3rem .4rem}
.plan-picker button{background:#fff;color:#7a1212;border-color:#fff;padding:.3rem .7rem}
.tasks{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr));gap:.7rem}
.task{background:#fff;border:1px solid #d8dce3;border-radius:.5rem;padding:.7rem .8rem;display:flex;flex-direction:column;gap:.35rem;min-width:0}
.task h3{font-size:1rem;margin:0;font-weight:600}
.task p{margin:0}
.task-head{display:flex;justify-content:space-between;gap:.5rem;font-size:.9rem}
.task-head .ref{font-weight:600;color:#5d6675}
progress{width:9rem;max-width:60%;vertical-align:middle;accent-color:#2e7d32}
.actions{display:flex;flex-direction:column;gap:.45rem;margin-top:.35rem}
.actions form,.actions button,.actions input{width:100%}
a.button{display:block;text-align:center;background:#7a1212;color:#fff;border:1px solid #7a1212;padding:.6rem;border-radius:.3rem;text-decoration:none;font-weight:600}
a.button.secondary{background:#fff;color:#7a1212}
.card.approval{margin-bottom:.7rem;padding:.7rem .9rem}
.card.approval b{display:inline;font-size:inherit}
.card.approval p{margin:.25rem 0}
@media (min-width:48rem){.card.approval .actions{flex-direction:row;align-items:flex-start}.card.approval .actions form{width:auto;flex:1}}
.bars{background:#fff;border:1px solid #d8dce3;border-radius:.4rem;padding:.7rem .9rem;margin:0 0 1rem}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;margin:0 0 .6rem;font-size:.9rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;vertical-align:-.05rem;border-radius:.1rem}
.overdue-bg{background:#c62828}.done-bg{background:#2e7d32}.other-bg{background:#9fa8b8}
.bar-row{display:grid;grid-template-columns:minmax(8rem,16rem) 1fr;gap:.2rem .8rem;align-items:center;margin:.25rem 0}
.bar-line{display:grid;grid-template-columns:1fr 7.5rem;gap:.5rem;align-items:center}
svg.bar{display:block;width:100%;height:1.1rem;border:0;background:#f0f2f5}
.bar-total{font-size:.9rem;white-space:nowrap}
.scale{display:flex;justify-content:space-between;font-size:.8rem;color:#5d6675;border-top:1px solid #888;padding-top:.15rem}
figure{margin:0 0 1rem}
svg.target-chart{display:block;width:100%;max-width:36rem}
figcaption{margin:.2rem 0}
.review textarea{width:100%}
.review-units{display:flex;flex-direction:column;gap:.4rem}
.review-unit{display:grid;grid-template-columns:1fr 11rem minmax(12rem,22rem);gap:.4rem .7rem;align-items:center;background:#fff;border:1px solid #d8dce3;border-radius:.4rem;padding:.5rem .7rem}
.unit-status{font-size:.85rem;margin-top:.15rem}
.unit-status.ok{color:#2e6b3a;background:none;border:0;padding:0}
.unit-status.notice{color:#7a5a00;background:none;border:0;padding:0}
.unit-status.muted{color:#5d6675}
.review-tasks{display:flex;flex-direction:column;gap:.7rem}
.review-task{background:#fff;border:1px solid #d8dce3;border-radius:.5rem;padding:.6rem .8rem;margin:0;min-width:0}
.review-task legend{font-weight:600;padding:0 .3rem}
.review-task label{display:flex;flex-direction:column;gap:.2rem;font-weight:600}
.review-task input,.review-task textarea{font-weight:400}
.review-task .flags{margin:.2rem 0 .5rem;font-size:.9rem}
.review-fields{display:grid;grid-template-columns:minmax(12rem,1.2fr) minmax(12rem,1.2fr) minmax(12rem,1fr) auto;gap:.5rem .8rem;margin-top:.5rem;align-items:start}
.review-fields label.drop{flex-direction:row;align-items:center;gap:.3rem;padding-top:1.6rem}
.review-fields .muted{font-weight:400}
@media (max-width:60rem){.review-unit{grid-template-columns:1fr}.review-fields{grid-template-columns:1fr}.review-fields label.drop{padding-top:0}}
@media (max-width:40rem){.bar-row{grid-template-columns:1fr}.bar-axis .bar-name{display:none}.bar-line{grid-template-columns:1fr 6.5rem}}
@media (max-width:40rem){main{padding:.6rem}th,td{padding:.3rem}}
`;
