// The YAML format the editor reads and writes profiles with. Decap's own format rewrites the whole
// file from the form's data: it drops every comment the staff wrote and retypes values (a phone
// typed `03814000000` is the number 3814000000 to YAML 1.2). This one reads the file as a
// document and, on save, writes back only the values the form changed: every untouched line
// (comments, quotes, flow lists, `sigla: NO`, `9:30`) stays byte for byte.
import { Document, isMap, isScalar, isSeq, parseDocument } from "../theme/vendor/yaml/browser/index.js";

// Read with YAML's failsafe schema every value is the text the staff typed, so writing a node back
// prints it as typed. The form still needs YAML 1.2's booleans, numbers and nulls: a plain scalar
// is typed as YAML 1.2 would type it, unless its number would not print back as typed (a phone
// `03814000000`, `2009.0`): that one stays text, as our loader reads it.
const NULLS = ["", "~", "null", "Null", "NULL"];
const BOOLEANS = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };

function typed(scalar) {
  const text = scalar.value;
  if (scalar.type !== "PLAIN") {
    return text;
  }
  if (NULLS.includes(text)) {
    return null;
  }
  if (text in BOOLEANS) {
    return BOOLEANS[text];
  }
  const number = Number(text);
  return text.trim() !== "" && String(number) === text ? number : text;
}

function plain(node) {
  if (isMap(node)) {
    const object = {};
    for (const pair of node.items) {
      object[keyOf(pair)] = plain(pair.value);
    }
    return object;
  }
  if (isSeq(node)) {
    return node.items.map(plain);
  }
  return isScalar(node) ? typed(node) : null;
}

// What the form hands back, as text for the failsafe document (booleans and numbers as YAML 1.2
// writes them; an emptied field as an empty value).
function asText(value) {
  if (Array.isArray(value)) {
    return value.map(asText);
  }
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asText(item)]));
  }
  return value == null ? "" : String(value);
}

function keyOf(pair) {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// A replaced node keeps the comments that were on the line it replaces.
function replace(doc, old, value) {
  const node = doc.createNode(asText(value));
  if (old) {
    node.comment = old.comment;
    node.commentBefore = old.commentBefore;
  }
  return node;
}

// New keys go where the form's field order puts them, so a file stays in schema order.
function insertAt(map, key, order) {
  const rank = order.indexOf(key);
  if (rank === -1) {
    return map.items.length;
  }
  const after = map.items.findIndex((pair) => order.indexOf(keyOf(pair)) > rank);
  return after === -1 ? map.items.length : after;
}

function update(doc, node, value, order) {
  if (node && same(plain(node), value)) {
    return node;
  }
  if (isMap(node) && isObject(value)) {
    node.items = node.items.filter((pair) => keyOf(pair) in value);
    for (const [key, item] of Object.entries(value)) {
      const pair = node.items.find((candidate) => keyOf(candidate) === key);
      if (pair) {
        pair.value = update(doc, pair.value, item, []);
      } else if (item !== undefined) {
        node.items.splice(insertAt(node, key, order), 0, doc.createPair(key, asText(item)));
      }
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    node.items = value.map((item, index) =>
      index < node.items.length ? update(doc, node.items[index], item, []) : doc.createNode(asText(item)),
    );
    return node;
  }
  return replace(doc, node, value);
}

const READ = { schema: "failsafe" };
// No folding of long lines and `[a, b]` as staff and `cmosc formatear` write flow lists: an
// unchanged sample profile comes back byte for byte (tested).
const WRITE = { lineWidth: 0, flowCollectionPadding: false };

// The longest common subsequence of two lists of lines, as pairs of indexes.
function commonLines(a, b) {
  const table = a.map(() => new Array(b.length + 1).fill(0));
  table.push(new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const pairs = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      pairs.push([i++, j++]);
    } else if (table[i + 1][j] >= table[i][j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

// The library prints a document in its own layout (one space before a `#` comment, for one). A
// line the edit did not touch is taken from the file as the staff wrote it: the printed file
// before and after the edit are compared line by line, and where the printed original matches
// the file line for line, every unchanged line comes from the file.
function keepLayout(source, before, after) {
  const file = source.split("\n");
  const old = before.split("\n");
  const fresh = after.split("\n");
  if (file.length !== old.length) {
    return after;
  }
  const kept = new Map(commonLines(old, fresh).map(([i, j]) => [j, i]));
  return fresh.map((line, j) => (kept.has(j) ? file[kept.get(j)] : line)).join("\n");
}

// The file each save starts from: Decap hands the entry (with its file text) to `preSave` just
// before it asks the format for the new text.
let original = "";

export const yamlFormat = {
  fromFile(content) {
    const doc = parseDocument(content, READ);
    if (doc.errors.length) {
      throw doc.errors[0];
    }
    return plain(doc.contents) || {};
  },

  toFile(data, sortedKeys = [], comments = {}) {
    const source = original;
    original = "";
    if (source) {
      const doc = parseDocument(source, READ);
      const before = doc.toString(WRITE);
      doc.contents = update(doc, doc.contents, data, sortedKeys);
      return keepLayout(source, before, doc.toString(WRITE));
    }
    // A new file: the fields' `comment` (the modeline on `nombre`) goes above them, as Decap does.
    const doc = new Document({}, READ);
    doc.contents = update(doc, doc.contents, data, sortedKeys);
    for (const pair of doc.contents.items) {
      const comment = comments[keyOf(pair)];
      if (comment) {
        pair.key.commentBefore = ` ${comment}`;
      }
    }
    return doc.toString(WRITE);
  },

  rememberOriginal({ entry }) {
    original = entry.get("raw") || "";
  },
};

// Module scripts run before the deferred editor.js, which registers this with Decap.
if (typeof window !== "undefined") {
  window.CMOSCYamlFormat = yamlFormat;
}
