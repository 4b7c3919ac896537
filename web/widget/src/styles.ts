/**
 * Shadow-DOM styles: the storefront's CSS cannot break the widget, and the widget cannot leak into it.
 * Fonts and colours sit on the widget's own elements, not on :host, because a storefront rule with
 * !important on the host element beats :host and would be inherited.
 */
export const STYLES = `
:host{all:initial;position:fixed;z-index:2147483000;bottom:20px;inset-inline-end:20px;--ad-primary:#1d3557}
.launcher,.panel{font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;
  color:#1d1d1b}
*{box-sizing:border-box}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
button{font:inherit;cursor:pointer}
.launcher{width:56px;height:56px;border-radius:50%;border:0;background:var(--ad-primary);color:#fff;
  box-shadow:0 4px 14px rgba(0,0,0,.25);display:grid;place-items:center}
.launcher svg{width:28px;height:28px}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.panel{position:fixed;bottom:88px;inset-inline-end:20px;width:370px;height:min(560px,calc(100vh - 112px));
  background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden}
.panel[hidden]{display:none}
.head{background:var(--ad-primary);color:#fff;padding:12px 16px;display:flex;align-items:center;gap:8px}
.head div{flex:1;min-width:0}
h2{margin:0;font-size:16px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.head p{margin:0;font-size:13px}
.close{border:0;background:transparent;color:#fff;font-size:24px;line-height:1;width:40px;height:40px;border-radius:50%}
.status{margin:0;padding:6px 16px;background:#fff4d6;color:#5c4400;font-size:13px}
.status:empty{display:none}
.person{background:#e8f4f1;color:#1f4d44}
.who{display:block;font-size:12px;font-weight:600;color:#1f4d44}
.log{flex:1;overflow-y:auto;padding:12px 16px;display:flex;flex-direction:column;gap:8px;background:#f7f7f5}
.msg{max-width:85%;padding:8px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}
.msg p{margin:0}
.msg time,.msg .note{display:block;font-size:12px;margin-top:2px}
.shopper{align-self:flex-end;background:var(--ad-primary);color:#fff;border-end-end-radius:4px}
.assistant,.agent,.system{align-self:flex-start;background:#fff;border:1px solid #ddd;border-end-start-radius:4px}
.assistant time,.agent time{color:#595959}
.pending{opacity:.85}
.typing{color:#595959;font-style:italic}
.read{display:block;font-size:12px;opacity:.9}
.photo{display:block;max-width:100%;max-height:240px;border-radius:8px;margin-bottom:4px}
.attach{border:1px solid #767676;border-radius:8px;background:#fff;color:#1d1d1b;width:40px;display:grid;place-items:center}
.attach svg{width:20px;height:20px}
.failed{background:#fde8e8;color:#7f1d1d}
.unsent{opacity:1}
.resend{border:0;padding:0;background:transparent;color:inherit;text-decoration:underline;text-align:start}
.trouble{margin:0;padding:8px 16px;background:#fde8e8;color:#7f1d1d;font-size:13px;display:flex;gap:8px;align-items:center}
.trouble[hidden]{display:none}
.trouble span{flex:1}
.retry,.guest button{border:0;border-radius:8px;padding:6px 14px;background:var(--ad-primary);color:#fff}
.guest{display:flex;flex-direction:column;gap:6px;padding:12px 16px;border-top:1px solid #ddd;background:#fff}
.guest[hidden],.compose[hidden]{display:none}
.guest p{margin:0;font-size:13px}
.guest input{font:inherit;padding:8px 10px;border:1px solid #767676;border-radius:8px;color:inherit}
.guest .error{color:#7f1d1d}
.guest .error:empty{display:none}
.notice{align-self:center;background:transparent;color:#7f1d1d;font-size:13px;text-align:center;max-width:100%}
form{display:flex;gap:8px;padding:10px;border-top:1px solid #ddd;background:#fff}
textarea{flex:1;resize:none;font:inherit;padding:8px 10px;border:1px solid #767676;border-radius:8px;max-height:120px;color:inherit}
.send{border:0;border-radius:8px;padding:0 16px;background:var(--ad-primary);color:#fff}
.video-bar{padding:4px 10px;text-align:end}
.video-start,.call button,.video-offer button{border:1px solid #767676;border-radius:8px;background:#fff;color:#1d1d1b;padding:4px 10px;font:inherit}
.call{padding:6px 10px;border-bottom:1px solid #ddd}
.video-offer{margin-top:6px;display:flex;flex-direction:column;gap:4px}
.call-status{margin:0 0 6px;font-size:13px}
.videos{position:relative}
.remote{width:100%;max-height:200px;background:#111;border-radius:8px}
.local{position:absolute;width:30%;inset-inline-end:6px;bottom:6px;border-radius:6px;background:#333}
.call-controls{display:flex;gap:6px;flex-wrap:wrap;margin-top:6px}
.call .end{background:#b91c1c;color:#fff;border-color:#b91c1c}
@media (max-width:480px){
  .panel{inset:0;width:auto;height:auto;border-radius:0}
}
`;
