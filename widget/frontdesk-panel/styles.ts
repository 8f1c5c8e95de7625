/**
 * The panel's styles. Every element states its own font size (px: a page's root font size changes nothing),
 * line height, colour and box sizing, since the page's inheritable styles reach a shadow tree through its host.
 * Theming goes through `--frontdesk-*` custom properties and `::part` only. CSS text for a constructable
 * stylesheet; the production build minifies it (`build/site/widget-bundle.ts`). A closed panel (`hidden`) is
 * invisible rather than not displayed: it is laid out when the chat is readied, before the click, so opening it
 * only shows it (invisible, it takes no clicks or focus and is not read). Text comes in three sizes (13, 14 and
 * 16 px) and three weights (400, 600 and 700, the launcher's 16 px 600 among them): each other size or weight made
 * the first layout look up one more font, 2–5 ms each at 4× CPU in Chromium on Linux, where that first layout of the
 * opening panel was the longest task left.
 */
export const styles = `
:host{display:contents!important}
:host([hidden]) .panel{visibility:hidden!important}
*,*::before,*::after{box-sizing:border-box}
.panel{--a:var(--frontdesk-accent,#1a5fb4);--oa:var(--frontdesk-on-accent,#fff);--bg:#fff;--fg:#1f2933;--mu:#52606d;--ln:#d3dae1;--bb:#eff3f6;--lk:var(--a);--fo:#1f2933;--r:var(--frontdesk-radius,16px);
position:fixed;z-index:var(--frontdesk-z-index,2147483000);right:var(--frontdesk-offset-x,20px);bottom:calc(var(--frontdesk-offset-y,20px) + 68px);width:min(400px,calc(100vw - 24px));height:min(640px,calc(100vh - var(--frontdesk-offset-y,20px) - 88px));height:min(640px,calc(100dvh - var(--frontdesk-offset-y,20px) - 88px));
display:flex;flex-direction:column;overflow:hidden;border-radius:var(--r);background:var(--bg);color:var(--fg);box-shadow:0 16px 48px rgba(16,24,40,.28),0 0 0 1px rgba(16,24,40,.08);
font:400 16px/1.5 var(--frontdesk-font,system-ui,sans-serif);text-align:left;letter-spacing:normal;word-spacing:normal;text-transform:none;text-indent:0;visibility:visible}
.left{right:auto;left:var(--frontdesk-offset-x,20px)}
p,h2,ul,ol,li{margin:0;padding:0;color:inherit;font:inherit}
a{color:var(--lk);text-decoration:underline;text-underline-offset:2px}
button,input{margin:0;font:inherit;color:inherit;letter-spacing:inherit;text-transform:none;-webkit-tap-highlight-color:transparent}
button{border:0;background:none;cursor:pointer}
:focus-visible{outline:3px solid var(--fo);outline-offset:2px}
.head{flex:none;display:flex;align-items:center;gap:2px;padding:8px 6px 8px 16px;background:var(--a);color:var(--oa);--fo:var(--oa)}
h2{flex:1 1 0;min-width:0;margin-right:6px;font-size:16px;font-weight:600;line-height:1.3}
h2,.book,.btn{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.icon{flex:none;display:grid;place-items:center;width:40px;height:40px;border-radius:50%}
.icon:hover{background:rgba(255,255,255,.16)}
.x{position:relative;width:18px;height:18px}
.x::before,.x::after{content:"";position:absolute;left:8px;top:0;width:2px;height:18px;border-radius:1px;background:currentColor;transform:rotate(45deg)}
.x::after{transform:rotate(-45deg)}
.re{position:relative;width:17px;height:17px;border:2px solid;border-top-color:transparent;border-radius:50%;transform:rotate(-45deg)}
.re::after{content:"";position:absolute;top:-4px;right:-6px;border:5px solid transparent;border-left-color:currentColor;transform:rotate(-45deg)}
.book,.btn,.call{border-radius:999px;font-weight:600;text-decoration:none}
.book,.btn{display:block;padding:0 12px;font-size:13px;line-height:34px}
.book{max-width:60%;margin-right:4px;padding:0 10px;background:var(--oa);color:var(--a)}
.log{position:relative;flex:1;display:flex;flex-direction:column;gap:14px;overflow-y:auto;overscroll-behavior:contain;padding:18px 16px;background:var(--bg)}
.msg{display:flex;flex-direction:column;align-items:flex-start;gap:8px}
.visitor{align-items:flex-end}
.bubble,.typing{border-radius:16px 16px 16px 4px;background:var(--bb)}
.bubble{max-width:88%;padding:10px 14px;color:var(--fg);overflow-wrap:anywhere}
.bubble>*+*{margin-top:8px}
.bubble ul,.bubble ol{padding-left:22px}
.visitor .bubble{border-radius:16px 16px 4px 16px;background:var(--a);color:var(--oa)}
.plain{white-space:pre-line}
.source,.label,.note{font-size:13px;line-height:1.4;color:var(--mu)}
.source{margin-top:-2px;padding-left:4px}
.chips{display:flex;flex-wrap:wrap;gap:8px;max-width:100%}
.label{width:100%;padding-left:4px}
.chip,.btn{border:1.5px solid var(--a);background:var(--bg);color:var(--lk)}
.chip{min-height:36px;padding:6px 14px;border-radius:18px;font-size:14px;line-height:1.3;text-align:left}
.chip:hover,[role=option]:hover{background:var(--hv,#e7eef8)}
.msgs,.msgs>div{display:contents}
.help,.calls{display:flex;gap:8px;max-width:100%}
.btn{line-height:31px}
.btn.primary{background:var(--a);color:var(--oa)}
.btn[part=phone]{flex:none}
.feedback{display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px;font-size:14px;line-height:1.4;color:var(--mu)}
.feedback.no{flex-direction:column;align-items:flex-start}
.mini{min-width:52px;min-height:32px;padding:4px 14px;border:1px solid var(--ln);border-radius:999px;background:var(--bg);color:var(--fg);font-size:14px;line-height:1.2}
.mini:hover{border-color:var(--a)}
.alert{max-width:100%;border:2px solid #b3261e;border-radius:12px;background:#fff4f3;color:#5c0a05}
.alert-title{display:flex;align-items:center;gap:8px;font-weight:700;color:#8c1d18}
.alert-icon{display:grid;place-items:center;width:22px;height:22px;border-radius:50%;background:#b3261e;color:#fff;font-size:14px;font-weight:700;line-height:1}
.calls{flex-wrap:wrap}
.call{display:inline-flex;align-items:center;min-height:48px;padding:10px 22px;background:#b3261e;color:#fff;font-size:16px;font-weight:700;line-height:1.2}
.typing{display:flex;gap:5px;padding:14px 16px;align-self:flex-start}
.typing span{width:7px;height:7px;border-radius:50%;background:var(--mu);opacity:.5}
.composer{position:relative;flex:none;display:flex;gap:8px;padding:12px 12px 8px;border-top:1px solid var(--ln);background:var(--bg)}
.field{position:relative;flex:1;min-width:0}
input{width:100%;height:44px;padding:0 16px;border:1.5px solid var(--ln);border-radius:22px;background:var(--bg);color:var(--fg);font-size:16px;line-height:1.25;outline:0}
input::placeholder{color:var(--mu);opacity:1}
input:focus{border-color:var(--a);box-shadow:0 0 0 3px var(--ring,transparent);outline:2px solid transparent}
.send{flex:none;display:grid;place-items:center;width:44px;height:44px;border-radius:50%;background:var(--a);color:var(--oa)}
.arrow{width:18px;height:18px;margin-left:3px;background:currentColor;clip-path:polygon(0 0,100% 50%,0 100%,0 60%,62% 50%,0 40%)}
[role=listbox]{position:absolute;left:0;right:0;bottom:calc(100% + 8px);z-index:1;max-height:260px;overflow-y:auto;padding:6px;list-style:none;border:1px solid var(--ln);border-radius:14px;background:var(--bg);color:var(--fg);box-shadow:0 10px 28px rgba(16,24,40,.18)}
[role=option]{padding:10px 12px;border-radius:10px;font-size:14px;line-height:1.35;cursor:pointer}
[aria-selected=true]{background:var(--hv,#e7eef8);box-shadow:inset 3px 0 var(--a)}
.disclaimer{flex:none;padding:0 16px 10px;background:var(--bg);font-size:13px;line-height:1.4;color:var(--mu);text-align:center}
.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@supports (color:color-mix(in srgb,red,blue)){.panel{--hv:color-mix(in srgb,var(--a) 11%,var(--bg));--ring:color-mix(in srgb,var(--a) 30%,transparent)}}
@media (pointer:coarse){.chip,.mini,.icon{min-height:44px}.icon{width:44px;height:44px}.book,.btn{line-height:40px}}
@media (max-width:479.98px){.panel{top:0;right:0;bottom:auto;left:0;width:100%;height:100vh;height:100dvh;border-radius:0;box-shadow:none}}
@media (prefers-reduced-motion:no-preference){:host(:not([hidden])) .panel{animation:fd-in .18s ease-out}.log{scroll-behavior:smooth}.typing span{animation:fd-dot 1.2s infinite}.typing span:nth-child(2){animation-delay:.2s}.typing span:nth-child(3){animation-delay:.4s}}
@keyframes fd-in{from{opacity:0;transform:translateY(12px)}}
@keyframes fd-dot{30%{opacity:1;transform:translateY(-3px)}}
@media (prefers-color-scheme:dark){.panel{--bg:#15191e;--fg:#e6ebf0;--mu:#a5b1bd;--ln:#38414b;--bb:#232a32;--fo:#e6ebf0}
@supports (color:color-mix(in srgb,red,blue)){.panel{--lk:color-mix(in srgb,var(--a) 40%,#fff);--hv:color-mix(in srgb,var(--a) 30%,var(--bg))}}
.alert{border-color:#ff8a80;background:#3a0f0c;color:#ffe4e1}.alert-title{color:#ffb4ab}.call,.alert-icon{background:#ffb4ab;color:#410002}}
@media (forced-colors:active){.panel{border:1px solid CanvasText}.x::before,.x::after,.arrow{background:ButtonText}.chip,.mini,.btn,.book{border:1px solid ButtonText}}
`

/**
 * The launcher's styles while the chat is open, added to `<frontdesk-chat>`'s shadow root with the panel (see
 * `widget/frontdesk-chat/styles.ts` for the rest): a round close button, with its cross (`.x`, added by the panel);
 * hidden under 480 px, where the panel covers the screen and has its own close button. Also the lift on hover, kept
 * out of the launcher's budget: the hover that wants it loads this chunk, so it shows once the chunk is in (never
 * before the first open when the browser saves data, as nothing loads on a hover then).
 */
export const openLauncherStyles = `
.x{display:none;position:relative;width:20px;height:20px}
.x::before,.x::after{content:"";position:absolute;left:9px;top:0;width:2.5px;height:20px;border-radius:2px;background:currentColor;transform:rotate(45deg)}
.x::after{transform:rotate(-45deg)}
.l[aria-expanded=true]{padding:0;justify-content:center}
.l[aria-expanded=true] .t,.l[aria-expanded=true] .b{display:none}
.l[aria-expanded=true] .x{display:block}
@media (max-width:479.98px){.l[aria-expanded=true]{display:none}}
@media (forced-colors:active){.x::before,.x::after{background:ButtonText}}
@media (prefers-reduced-motion:no-preference){.l{transition:transform .2s,filter .2s}.l:hover{transform:translateY(-2px)}}
`
