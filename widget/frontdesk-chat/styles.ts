/**
 * The launcher's styles, as CSS text for a constructable stylesheet (no Lit in the launcher).
 * `:host` resets everything the page could pass down, with `!important` because inside a shadow tree important
 * rules beat the page's important rules. Sizes are in px so a page's `html { font-size: 62.5% }` changes nothing.
 * Only the closed launcher: the chat cannot open before its chunk is in, so the open state's styles come with it
 * (`openLauncherStyles` in `widget/frontdesk-panel/styles.ts`), and so does the lift on hover, which the hover itself
 * loads. The button sets no `letter-spacing` or `text-transform`, nor its label a font or colour: `:host` has reset all
 * that the page could pass down, and the label inherits the button's.
 */
export const css = `
:host{all:initial!important;display:contents!important}
.l{all:unset;box-sizing:border-box;position:fixed;z-index:var(--frontdesk-z-index,2147483000);bottom:var(--frontdesk-offset-y,20px);right:var(--frontdesk-offset-x,20px);display:flex;align-items:center;gap:10px;height:56px;min-width:56px;padding:0 22px 0 18px;border-radius:28px;background:var(--frontdesk-accent,#1a5fb4);color:var(--frontdesk-on-accent,#fff);font:600 16px/1 var(--frontdesk-font,system-ui,sans-serif);white-space:nowrap;cursor:pointer;box-shadow:0 6px 20px rgba(16,24,40,.28);-webkit-tap-highlight-color:transparent}
.left{right:auto;left:var(--frontdesk-offset-x,20px)}
.l:hover{filter:brightness(1.1)}
.l:focus-visible{outline:3px solid var(--frontdesk-focus,#1d2430);outline-offset:2px;box-shadow:0 0 0 2px #fff,0 6px 20px rgba(16,24,40,.28)}
.b{position:relative;width:22px;height:19px;border-radius:10px 10px 10px 3px;background:currentColor}
.b::after{content:"";position:absolute;left:5px;top:8px;width:3px;height:3px;border-radius:50%;color:var(--frontdesk-accent,#1a5fb4);background:currentColor;box-shadow:5px 0,10px 0}
@media (max-width:479.98px){.l{width:56px;padding:0;justify-content:center}.t{display:none}}
@media (forced-colors:active){.l{border:2px solid ButtonText}.b{background:ButtonText}}
`
