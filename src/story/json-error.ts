// Where a JSON text first goes wrong. JSON.parse in Node 20 names the token but not its
// position, and editors need the line and column; this scanner only runs once JSON.parse failed.

export interface JsonError {
  offset: number;
  message: string;
}

export function findJsonError(text: string): JsonError | null {
  let i = 0;
  const fail = (message: string): never => {
    throw { offset: i, message } satisfies JsonError;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? 'end of file' : `"${text[i]}"`);
  const literal = (word: string) => (text.startsWith(word, i) ? void (i += word.length) : fail(`unexpected ${describe()}`));
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('unescaped control character or line break in a string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(`unexpected ${describe()}`);
    i += m![0].length;
  };
  const list = (close: string, item: () => void, what: string) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      ws();
      item();
      ws();
      if (text[i] === ',') {
        i++;
        ws();
        if (text[i] === close) fail(`trailing comma before "${close}": remove the comma`);
        continue;
      }
      if (text[i] === close) return void i++;
      fail(`expected "," or "${close}" in ${what}, found ${describe()}`);
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{')
      return list('}', () => {
        if (text[i] !== '"') fail(`expected a "quoted" key, found ${describe()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ":" after the key, found ${describe()}`);
        i++;
        value();
      }, 'an object');
    if (c === '[') return list(']', value, 'a list');
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the data`);
    return null;
  } catch (e) {
    return e as JsonError;
  }
}
