/**
 * graphql-js 16 and Apollo Server write their own errors in English and echo what was sent: a
 * variable's whole value (a reporter's name and phone came back that way), a literal, a limit. Users
 * are Vietnamese public servants, so each known message pattern is rewritten in Vietnamese here,
 * naming the field or argument to fix and the expected form, never the value. An unknown pattern
 * keeps its English text behind a Vietnamese prefix, as a last resort (values stripped where seen).
 */

export interface Translated {
  message: string;
  /** The input path to fix (`input.date`), when the message is about one. */
  field?: string;
}

type Rule = [RegExp, (m: RegExpExecArray) => string];

const FALLBACK_PREFIX = 'Yêu cầu không hợp lệ (chi tiết bằng tiếng Anh):';

/** `Did you mean "a", "b" or "c"?` keeps schema names only; production hides them (GraphQL Armor masks them). */
function suggestion(tail: string | undefined): string {
  const names = tail?.match(/"[^"]+"/g);
  return names?.length ? ` Có phải ý bạn là ${names.join(', ')}?` : '';
}

/** The built-in scalars' own complaints, which all end with the value itself. */
const SCALAR_RULES: Rule[] = [
  [/^Int cannot represent non 32-bit signed integer value/, () => 'số nguyên vượt quá giới hạn (từ -2 147 483 648 đến 2 147 483 647).'],
  [/^Int cannot represent/, () => 'phải là số nguyên.'],
  [/^Float cannot represent/, () => 'phải là số.'],
  [/^String cannot represent/, () => 'phải là chuỗi ký tự.'],
  [/^Boolean cannot represent/, () => 'phải là true hoặc false.'],
  [/^ID cannot represent/, () => 'phải là mã (chuỗi ký tự hoặc số nguyên).'],
  [/^Enum "([^"]+)" cannot represent/, (m) => `không có trong danh mục ${m[1]}.`],
  [/^Value "[^]*" does not exist in "([^"]+)" enum\./, (m) => `không có trong danh mục ${m[1]}.`],
];

function scalarProblem(inner: string): string | null {
  for (const [re, f] of SCALAR_RULES) {
    const m = re.exec(inner);
    if (m) return f(m);
  }
  return null;
}

/**
 * True for a message our own scalars or validators wrote: Vietnamese, and none of graphql-js's English
 * (a Vietnamese value echoed inside an English message, `"không"`, must not pass for ours).
 */
function isOurs(text: string): boolean {
  return (
    /[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữỳỵỷỹýíìịỉĩúùụủũóòọỏõéèẹẻẽ]/i.test(text) &&
    !/cannot represent|does not exist|Expected|found|got invalid value|Variable "|Syntax Error|Did you mean/.test(text)
  );
}

const PARSE_TOKENS: [RegExp, string][] = [
  [/^<EOF>$/, 'hết văn bản truy vấn'],
  [/^Name "([_A-Za-z][_0-9A-Za-z]*)"$/, 'tên "$1"'],
  [/^(?:String|BlockString)\b/, 'một chuỗi ký tự'],
  [/^(?:Int|Float)\b/, 'một số'],
  [/^"(.{1,3})"$/, '"$1"'],
];

/** A token of the document, described without repeating a literal (which may be someone's data). */
function token(t: string): string {
  for (const [re, vi] of PARSE_TOKENS) if (re.test(t)) return t.replace(re, vi);
  return t.length <= 12 && !/["'\d]/.test(t) ? t : 'ký hiệu không hợp lệ';
}

const SYNTAX_RULES: Rule[] = [
  [/^Document contains more th[ae][nt] \d+ tokens\. Parsing aborted\.$/, () => 'truy vấn quá dài (quá nhiều ký hiệu): hãy chia thành các truy vấn nhỏ hơn.'],
  [/^Expected (.+), found (.+)\.$/, (m) => `cần ${token(m[1]!)} nhưng gặp ${token(m[2]!)}.`],
  [/^Unexpected (.+)\.$/, (m) => `không chờ đợi ${token(m[1]!)} ở đây.`],
  [/^Unterminated string\.$/, () => 'chuỗi ký tự chưa được đóng bằng dấu nháy kép.'],
  [/^Invalid number/, () => 'số viết không đúng dạng.'],
  [/^Unexpected single quote character/, () => 'GraphQL dùng dấu nháy kép (") cho chuỗi, không dùng nháy đơn.'],
  [/^Invalid character escape sequence|^Invalid Unicode escape sequence/, () => 'chuỗi có ký tự thoát (\\) không hợp lệ.'],
  [/^(?:Unexpected character|Cannot parse the unexpected character|Invalid character)/, () => 'có ký tự không hợp lệ.'],
];

const VALIDATION_RULES: Rule[] = [
  [/^Cannot query field "([^"]+)" on type "([^"]+)"\.(?: Did you mean (.+)\?)?/, (m) => `Không có trường "${m[1]}" trong kiểu ${m[2]}.${suggestion(m[3])}`],
  [/^Unknown argument "([^"]+)" on field "([^"]+)"\.(?: Did you mean (.+)\?)?/, (m) => `Trường ${m[2]} không có tham số "${m[1]}".${suggestion(m[3])}`],
  [/^Unknown argument "([^"]+)" on directive "([^"]+)"\.(?: Did you mean (.+)\?)?/, (m) => `Chỉ thị ${m[2]} không có tham số "${m[1]}".${suggestion(m[3])}`],
  [
    /^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\.$/,
    (m) => `Trường ${m[1]} thiếu tham số bắt buộc "${m[2]}" (kiểu ${m[3]}).`,
  ],
  [
    /^Directive "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\.$/,
    (m) => `Chỉ thị ${m[1]} thiếu tham số bắt buộc "${m[2]}" (kiểu ${m[3]}).`,
  ],
  [/^Unknown type "([^"]+)"\.(?: Did you mean (.+)\?)?/, (m) => `Không có kiểu "${m[1]}".${suggestion(m[2])}`],
  [/^Unknown fragment "([^"]+)"\.$/, (m) => `Không có fragment tên "${m[1]}".`],
  [/^Fragment "([^"]+)" is never used\.$/, (m) => `Fragment "${m[1]}" được khai báo nhưng không dùng.`],
  [/^Cannot spread fragment "([^"]+)" within itself/, (m) => `Fragment "${m[1]}" tự gọi lại chính nó.`],
  [/^There can be only one fragment named "([^"]+)"\.$/, (m) => `Có nhiều fragment cùng tên "${m[1]}".`],
  [
    /^Fragment "([^"]+)" cannot be spread here as objects of type "([^"]+)" can never be of type "([^"]+)"\.$/,
    (m) => `Không dùng được fragment "${m[1]}" ở đây: đối tượng kiểu ${m[2]} không bao giờ là kiểu ${m[3]}.`,
  ],
  [
    /^Fragment cannot be spread here as objects of type "([^"]+)" can never be of type "([^"]+)"\.$/,
    (m) => `Không dùng được fragment ở đây: đối tượng kiểu ${m[1]} không bao giờ là kiểu ${m[2]}.`,
  ],
  [
    /^Fragment(?: "([^"]+)")? cannot condition on non composite type "([^"]+)"\.$/,
    (m) => `Fragment${m[1] ? ` "${m[1]}"` : ''} không đặt được trên kiểu ${m[2]} (không phải kiểu đối tượng).`,
  ],
  [
    /^Variable "\$([^"]+)" is not defined(?: by operation "([^"]+)")?\.$/,
    (m) => `Biến $${m[1]} được dùng nhưng chưa khai báo${m[2] ? ` trong thao tác "${m[2]}"` : ''}.`,
  ],
  [
    /^Variable "\$([^"]+)" is never used(?: in operation "([^"]+)")?\.$/,
    (m) => `Biến $${m[1]} được khai báo nhưng không dùng${m[2] ? ` trong thao tác "${m[2]}"` : ''}.`,
  ],
  [/^Variable "\$([^"]+)" cannot be non-input type "([^"]+)"\.$/, (m) => `Biến $${m[1]} không thể có kiểu ${m[2]} (không phải kiểu nhập).`],
  [/^There can be only one variable named "\$([^"]+)"\.$/, (m) => `Có nhiều biến cùng tên $${m[1]}.`],
  [
    /^Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"\.$/,
    (m) => `Biến $${m[1]} có kiểu ${m[2]} nhưng ở vị trí này cần kiểu ${m[3]}.`,
  ],
  [/^Variable "\$([^"]+)" is of type "([^"]+)" but must be non-nullable/, (m) => `Biến $${m[1]} (kiểu ${m[2]}) phải là kiểu bắt buộc (!) ở vị trí này.`],
  [
    /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\.$/,
    (m) => `Trường ${m[1]} (kiểu ${m[2]}) không có trường con: bỏ phần { … } sau nó.`,
  ],
  [
    /^Field "([^"]+)" of type "([^"]+)" must have (?:a selection of subfields|at least one field selected)/,
    (m) => `Trường ${m[1]} (kiểu ${m[2]}) cần chọn ít nhất một trường con, ví dụ ${m[1]} { id }.`,
  ],
  [
    /^This anonymous operation must be the only defined operation\.$/,
    () => 'Thao tác không tên phải là thao tác duy nhất trong tài liệu: hãy đặt tên cho từng thao tác.',
  ],
  [/^There can be only one operation named "([^"]+)"\.$/, (m) => `Có nhiều thao tác cùng tên "${m[1]}".`],
  [/^Unknown directive "([^"]+)"\.$/, (m) => `Không có chỉ thị ${m[1]}.`],
  [/^Directive "([^"]+)" may not be used on (\w+)\.$/, (m) => `Không dùng được chỉ thị ${m[1]} ở vị trí ${m[2]}.`],
  [/^The directive "([^"]+)" can only be used once at this location\.$/, (m) => `Chỉ thị ${m[1]} chỉ được dùng một lần ở vị trí này.`],
  [/^There can be only one argument named "([^"]+)"\.$/, (m) => `Tham số "${m[1]}" được ghi nhiều lần.`],
  [/^There can be only one input field named "([^"]+)"\.$/, (m) => `Trường nhập "${m[1]}" được ghi nhiều lần.`],
  [/^Fields "([^"]+)" conflict because/, (m) => `Các trường cùng tên kết quả "${m[1]}" mâu thuẫn nhau: hãy đặt bí danh (alias) khác nhau.`],
  [/^Field "([^".]+)\.([^"]+)" of required type "([^"]+)" was not provided\.$/, (m) => `Thiếu trường bắt buộc "${m[2]}" (kiểu ${m[3]}) của ${m[1]}.`],
  [/^Field "([^"]+)" is not defined by type "([^"]+)"\.(?: Did you mean (.+)\?)?/, (m) => `Kiểu ${m[2]} không có trường "${m[1]}".${suggestion(m[3])}`],
  [/^Field "([^".]+)\.([^"]+)" must be non-null\.$/, (m) => `Trường "${m[2]}" của ${m[1]} không được để null.`],
  [/^OneOf Input Object "([^"]+)" must specify exactly one key\.$/, (m) => `${m[1]} cần đúng một trường.`],
  [/^Enum "([^"]+)" cannot represent non-enum value/, (m) => `Giá trị không có trong danh mục ${m[1]}.`],
  [
    /^Expected value of type "([^"]+)", found [^]*?(?:; ([^]*))?$/,
    (m) => {
      const inner = m[2];
      const why = inner ? (scalarProblem(inner) ?? (isOurs(inner) ? inner : null)) : null;
      return `Giá trị ghi trong truy vấn không đúng kiểu ${m[1]}${why ? `: ${why}` : '.'}`;
    },
  ],
  [/^The (\w+) definition is not executable\.$/, () => 'Tài liệu chỉ được chứa thao tác (query, mutation) và fragment, không chứa định nghĩa lược đồ.'],
  [/^(?:Anonymous )?Subscription .*must select only one top level field\.$/, () => 'Đăng ký (subscription) chỉ được chọn một trường gốc.'],
  [/^GraphQL introspection is not allowed/, () => 'Truy vấn tự mô tả lược đồ (introspection, __schema, __type) bị tắt trong môi trường vận hành.'],
  [/^Validation aborted\.$/, () => 'Truy vấn quá phức tạp để kiểm tra (quá nhiều trường cần so khớp): hãy rút gọn truy vấn.'],
  [/^Too many validation errors, error limit reached/, () => 'Truy vấn có quá nhiều lỗi: đã dừng kiểm tra, hãy sửa các lỗi đầu tiên trước.'],
  [/^Maximum introspection depth exceeded$/, () => 'Truy vấn tự mô tả (introspection) lồng quá sâu.'],
];

const OPERATION_RULES: Rule[] = [
  [
    /^Must provide operation name if query contains multiple operations\.$/,
    () => 'Tài liệu có nhiều thao tác: hãy ghi operationName để chọn thao tác cần chạy.',
  ],
  [/^Unknown operation named "([^"]+)"\.$/, (m) => `Không có thao tác tên "${m[1]}" trong tài liệu (operationName).`],
  [/^Must provide an operation\.$/, () => 'Tài liệu không có thao tác nào (query hoặc mutation).'],
  [/^Schema is not configured to execute (\w+) operation\.$/, (m) => `Hệ thống không hỗ trợ thao tác loại ${m[1]}.`],
];

const REQUEST_RULES: Rule[] = [
  [
    /Cross-Site Request Forgery/,
    () =>
      'Yêu cầu bị chặn để chống giả mạo yêu cầu liên trang (CSRF): gửi bằng POST với Content-Type: application/json, hoặc kèm tiêu đề apollo-require-preflight.',
  ],
  [/^GraphQL operations must contain a non-empty `query`/, () => 'Yêu cầu phải có `query`: văn bản truy vấn GraphQL không rỗng.'],
  [/^POST body missing/, () => 'Yêu cầu POST thiếu nội dung JSON hoặc Content-Type không đúng (cần application/json).'],
  [
    /^`(\w+)` (?:in a POST body )?(?:must be|should be provided as) an? (\w+)/,
    (m) => `\`${m[1]}\` phải là ${m[2] === 'object' || m[2] === 'map' ? 'một đối tượng JSON' : 'một chuỗi ký tự'}.`,
  ],
  [/^Operation batching disabled\.$/, () => 'Mỗi yêu cầu chỉ chứa một thao tác (không nhận gửi gộp nhiều thao tác).'],
  [/^GET requests only support query operations/, () => 'Yêu cầu GET chỉ chạy được truy vấn (query); mutation phải gửi bằng POST.'],
  [/^Unsupported persisted query version$/, () => 'Phiên bản truy vấn đăng ký trước (persisted query) không được hỗ trợ.'],
  [/^Apollo Server supports only GET\/POST requests\.$/, () => 'Chỉ nhận yêu cầu GET hoặc POST.'],
];

function apply(rules: Rule[], text: string): string | null {
  for (const [re, f] of rules) {
    const m = re.exec(text);
    if (m) return f(m);
  }
  return null;
}

/** Removes what might be a value from an English message kept as a last resort. */
function scrub(text: string): string {
  return text
    .replace(/got invalid value [^]*?(?=; | at "|$)/g, 'got invalid value')
    .replace(/found [^;]*/g, 'found …')
    .replace(/\b\d{2,}\b/g, '…')
    .split('\n')[0]!;
}

function fallback(message: string): string {
  return `${FALLBACK_PREFIX} ${scrub(message)}`;
}

/** A syntax error: GraphQL's description, in Vietnamese, after where it is. */
export function translateSyntaxError(message: string, at?: { line: number; column: number }): string {
  const description = message.replace(/^Syntax Error: /, '').split('\n')[0]!;
  const where = at ? ` (dòng ${at.line}, cột ${at.column})` : '';
  const vi = apply(SYNTAX_RULES, description);
  return vi ? `Lỗi cú pháp GraphQL${where}: ${vi}` : `Lỗi cú pháp GraphQL${where}. ${fallback(description)}`;
}

// graphql-js's patterns come first: one may end with our own Vietnamese text after an echoed value
// (`Expected value of type "Date!", found "10/09/2025"; ngày phải có dạng …`).
export function translateValidationError(message: string): string {
  // GraphQL Armor puts "Syntax Error: " in front of the message it is given.
  const own = message.replace(/^Syntax Error: /, '');
  return apply(VALIDATION_RULES, own) ?? (isOurs(own) ? own : fallback(own));
}

export function translateOperationError(message: string): string {
  return apply(OPERATION_RULES, message) ?? (isOurs(message) ? message : fallback(message));
}

export function translateRequestError(message: string): string {
  return apply(REQUEST_RULES, message) ?? apply(OPERATION_RULES, message) ?? (isOurs(message) ? message : fallback(message));
}

const VARIABLE_PREFIX = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" /;
/** The end of a coercion prefix: ` at "input.victim.yearOfBirth"` (a value's own quotes are escaped by JSON). */
const AT_PATH = / at "([_A-Za-z][_0-9A-Za-z]*(?:\.[_A-Za-z][_0-9A-Za-z]*|\[\d+\])*)"$/;

/**
 * A variable that failed coercion. graphql-js writes `Variable "$input" got invalid value {…} at
 * "input.date"; <why>`, the whole value included; here only the path and the why remain. `inner` is
 * the message of the error it wraps (its originalError), which tells where the value ends.
 */
export function translateCoercionError(message: string, inner?: string): Translated {
  const v = VARIABLE_PREFIX.exec(message);
  if (!v) return { message: isOurs(message) ? message : fallback(message) };
  const name = v[1]!;
  let m: RegExpExecArray | null;
  if ((m = /^Variable "\$[^"]+" of required type "([^"]+)" was not provided\.$/.exec(message)))
    return { field: name, message: `Thiếu biến $${name} (kiểu ${m[1]}).` };
  if ((m = /^Variable "\$[^"]+" of non-null type "([^"]+)" must not be null\.$/.exec(message)))
    return { field: name, message: `Biến $${name} (kiểu ${m[1]}) không được để trống (null).` };
  if (/^Variable "\$[^"]+" expected value of type "[^"]+" which cannot be used as an input type\.$/.test(message))
    return { field: name, message: `Biến $${name} khai báo bằng một kiểu không dùng để nhập được.` };
  if (!message.startsWith(`Variable "$${name}" got invalid value `)) return { field: name, message: fallback(message) };
  // Without the inner message the value's end cannot be told apart from its content: say only which variable.
  if (inner === undefined || !message.endsWith(`; ${inner}`)) return { field: name, message: `Biến $${name} có giá trị không hợp lệ.` };
  const head = message.slice(0, message.length - inner.length - 2);
  let field = AT_PATH.exec(head)?.[1] ?? name;
  let why: string;
  if ((m = /^Field "([^"]+)" of required type "([^"]+)" was not provided\.$/.exec(inner))) {
    field = `${field}.${m[1]}`;
    why = `bắt buộc phải có (kiểu ${m[2]}).`;
  } else if ((m = /^Field "([^"]+)" is not defined by type "([^"]+)"\.(?: Did you mean (.+)\?)?/.exec(inner))) {
    field = `${field}.${m[1]}`;
    why = `không có trường này trong ${m[2]}.${suggestion(m[3])}`;
  } else if ((m = /^Expected type "([^"]+)" to be an object\.$/.exec(inner))) {
    why = `phải là một đối tượng (kiểu ${m[1]}).`;
  } else if ((m = /^Expected non-nullable type "([^"]+)" not to be null\.$/.exec(inner))) {
    why = `không được để trống (kiểu ${m[1]}).`;
  } else if ((m = /^Exactly one key must be specified for OneOf type "([^"]+)"\.$/.exec(inner))) {
    why = `cần đúng một trường (${m[1]}).`;
  } else if ((m = /^Field "([^"]+)" must be non-null\.$/.exec(inner))) {
    field = `${field}.${m[1]}`;
    why = 'không được để trống (null).';
  } else if ((m = /^Expected type "([^"]+)"\.\s*([^]*)$/.exec(inner))) {
    // A scalar that threw a plain Error (or a GraphQLError of the other graphql copy, ESM vs CommonJS).
    const own = m[2] ?? '';
    why = scalarProblem(own) ?? (own && isOurs(own) ? own : `không đúng kiểu ${m[1]}.`);
  } else {
    why = scalarProblem(inner) ?? (isOurs(inner) ? inner : 'giá trị không hợp lệ.');
  }
  return { field, message: `${field}: ${why}` };
}
