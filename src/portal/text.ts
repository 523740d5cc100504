/**
 * Visible text of a page as a list of lines, and Turkish-aware folding for matching.
 *
 * A "line" is the visible text of one block (div, p, li, td, dt, label, button ...), whitespace collapsed; inline
 * elements (span, b, a ...) join into the line, so text split across elements still reads as one phrase. Readers
 * find values by their labels in these lines (label line + next line, or "Label: value"), which works the same for
 * label/value siblings, tables, definition lists and plain lines.
 *
 * Hidden means: script/style/template/noscript, the `hidden` attribute, aria-hidden="true", display:none or
 * visibility:hidden in an inline style or a stylesheet rule. In a browser `checkVisibility()` decides the stylesheet
 * part (it also sees CSS files a script can't read); elsewhere (happy-dom in tests and the CLI) the stylesheet rules
 * that hide something are collected once and confirmed with getComputedStyle. Either way the same CSS gives the
 * same judgement.
 */

export interface Line {
  /** Visible text, whitespace collapsed, zero-width characters removed. */
  raw: string;
  /** fold(raw): same length, so an index into one is an index into the other. */
  folded: string;
  /** The innermost block element the line belongs to. */
  el: Element;
  /**
   * Offsets into `raw` where one element's text meets another's with no whitespace between them
   * (`<span>Randevu Tarihi</span><span>03.12.2026</span>`). A browser may show them apart (flex, margins); the
   * line keeps them joined, and labels.ts splits a line there only beside a known label.
   */
  cuts?: readonly number[];
}

// ------------------------------------------------------------------------------------------------ folding

import { collapse, fold, key, norm } from '../domain/fold';

export { collapse, fold, key, norm };

// ------------------------------------------------------------------------------------------------ visibility

const SKIP = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'meta',
  'link',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'textarea',
]);

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'button',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'label',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Marks an inline element's edge among the text pieces being gathered (a value no page text can be). */
const EDGE = null;

const INLINE_HIDE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;

interface Env {
  /** Browser: checkVisibility() is native and knows every stylesheet. */
  native: boolean;
  /** Non-native: elements some stylesheet rule may hide (confirmed with getComputedStyle). */
  styled: Set<Element> | null;
  win: (Window & typeof globalThis) | null;
}

function docOf(root: ParentNode): Document | null {
  return (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
}

function collectHidingSelectors(rules: CSSRuleList, out: string[]): void {
  for (const rule of Array.from(rules)) {
    const r = rule as CSSStyleRule & { cssRules?: CSSRuleList };
    if (typeof r.selectorText === 'string' && r.style) {
      const d = r.style.display;
      const v = r.style.visibility;
      if (d === 'none' || v === 'hidden' || v === 'collapse') out.push(r.selectorText);
    }
    // @media / @supports blocks: getComputedStyle decides whether they apply.
    if (r.cssRules && !r.selectorText) collectHidingSelectors(r.cssRules, out);
  }
}

function makeEnv(root: ParentNode): Env {
  const doc = docOf(root);
  const win = (doc?.defaultView ?? null) as (Window & typeof globalThis) | null;
  // happy-dom implements checkVisibility() through getComputedStyle on every ancestor (slow); it is the non-native path.
  const native =
    !!win &&
    !('happyDOM' in win) &&
    typeof (win as unknown as { Element?: { prototype: Element } }).Element?.prototype.checkVisibility ===
      'function';
  let styled: Set<Element> | null = null;
  if (!native && doc && win) {
    const selectors: string[] = [];
    for (const sheet of Array.from(doc.styleSheets ?? [])) {
      try {
        collectHidingSelectors(sheet.cssRules, selectors);
      } catch {
        // cross-origin sheet: unreadable
      }
    }
    if (selectors.length) {
      styled = new Set();
      for (const sel of selectors) {
        try {
          for (const el of Array.from(doc.querySelectorAll(sel))) styled.add(el);
        } catch {
          // a selector the engine doesn't support: skip it
        }
      }
    }
  }
  return { native, styled, win };
}

function hiddenByStyle(el: Element, env: Env): boolean {
  if (env.native) {
    if (el.checkVisibility({ visibilityProperty: true })) return false;
    // display:contents has no box of its own but its children show.
    return env.win?.getComputedStyle(el).display !== 'contents';
  }
  if (env.styled?.has(el) && env.win) {
    const cs = env.win.getComputedStyle(el);
    return cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse';
  }
  return false;
}

function hidden(el: Element, env: Env): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && INLINE_HIDE.test(style)) return true;
  if (el.localName === 'input' && (el as HTMLInputElement).type === 'hidden') return true;
  // A closed <dialog> is display:none by the browser's own stylesheet, which happy-dom does not apply.
  if (el.localName === 'dialog' && !el.hasAttribute('open')) return true;
  return hiddenByStyle(el, env);
}

/** Is this element hidden by itself (not counting ancestors)? Same judgement as visibleLines(). */
export function isHidden(el: Element): boolean {
  return hidden(el, makeEnv(el));
}

// ------------------------------------------------------------------------------------------------ lines

class Walker {
  lines: Line[] = [];
  private parts: (string | typeof EDGE)[] = [];
  private block: Element;

  constructor(
    private env: Env,
    start: Element,
  ) {
    this.block = start;
  }

  flush(): void {
    if (!this.parts.length) return;
    const parts = this.parts;
    this.parts = [];
    if (!parts.includes(EDGE)) {
      const raw = collapse(parts.join(''));
      if (raw) this.lines.push({ raw, folded: fold(raw), el: this.block });
      return;
    }
    // Join the pieces between element edges as collapse() would, noting where two meet without whitespace.
    const pieces: string[] = [''];
    for (const p of parts) {
      if (p === EDGE) pieces.push('');
      else pieces[pieces.length - 1] += p;
    }
    let out = '';
    const cuts: number[] = [];
    for (const piece of pieces) {
      const s = piece.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').replace(/\s+/g, ' ');
      if (!s) continue;
      if (out && out.at(-1) !== ' ' && s[0] !== ' ') {
        if (cuts.at(-1) !== out.length) cuts.push(out.length);
        out += s;
      } else out += out.at(-1) === ' ' && s[0] === ' ' ? s.slice(1) : s;
    }
    const lead = out.length - out.trimStart().length;
    const raw = out.trim();
    if (!raw) return;
    const line: Line = { raw, folded: fold(raw), el: this.block };
    const inside = cuts.map((c) => c - lead).filter((c) => c > 0 && c < raw.length);
    if (inside.length) line.cuts = inside;
    this.lines.push(line);
  }

  emit(text: string, el: Element): void {
    this.flush();
    const raw = collapse(text);
    if (raw) this.lines.push({ raw, folded: fold(raw), el });
  }

  walkChildren(node: ParentNode): void {
    for (let c = (node as Node).firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) this.parts.push((c as Text).data);
      else if (c.nodeType === 1) this.walkElement(c as Element);
    }
  }

  walkElement(el: Element): void {
    const name = el.localName;
    if (SKIP.has(name) || hidden(el, this.env)) return;
    switch (name) {
      case 'br':
        // A line break inside a value ("12.08.2025 -<br>11.08.2026") keeps the value on one line.
        this.parts.push(' ');
        return;
      case 'select': {
        // Only the chosen option is visible, not the whole list.
        const s = el as HTMLSelectElement;
        const opt = s.options?.[s.selectedIndex] ?? null;
        if (opt) this.emit(opt.text, el);
        return;
      }
      case 'input': {
        // Datepicker inputs show their date as text; other inputs may hold personal data and are not read.
        const i = el as HTMLInputElement;
        if (i.getAttribute('data-role') === 'datepicker' || i.type === 'date') this.emit(i.value, el);
        return;
      }
      case 'table':
        if (this.walkColumnTable(el)) return;
        break;
    }
    if (!BLOCK.has(name)) {
      this.parts.push(EDGE);
      this.walkChildren(el);
      this.parts.push(EDGE);
      return;
    }
    this.flush();
    const outer = this.block;
    this.block = el;
    this.walkChildren(el);
    this.flush();
    this.block = outer;
  }

  /**
   * A table with a header row ("Randevu Türü | Birim | Randevu Tarihi ...", <th> cells or any cells in <thead>) and data rows is emitted as
   * header/value line pairs per row, so column values read like "Label" + next line.
   */
  private walkColumnTable(table: Element): boolean {
    const rows = Array.from(table.querySelectorAll('tr')).filter((r) => r.closest('table') === table);
    const head = rows[0];
    if (!head || rows.length < 2) return false;
    const headCells = Array.from(head.children).filter((c) => c.localName === 'th' || c.localName === 'td');
    // Header cells are <th>, or <td> in a <thead> (tables drawn by scripts often use <td> there).
    const inHead = head.parentElement?.localName === 'thead';
    if (headCells.length < 2 || (!inHead && headCells.some((c) => c.localName !== 'th'))) return false;
    const headers = headCells.map((c) => {
      const w = new Walker(this.env, c);
      w.walkChildren(c);
      w.flush();
      return w.lines.map((l) => l.raw).join(' ');
    });
    this.flush();
    const outer = this.block;
    for (const row of rows.slice(1)) {
      if (hidden(row, this.env)) continue;
      const cells = Array.from(row.children).filter((c) => c.localName === 'th' || c.localName === 'td');
      this.block = row;
      cells.forEach((cell, i) => {
        if (hidden(cell, this.env)) return;
        const h = headers[i];
        if (h) this.emit(h, headCells[i] as Element);
        this.block = cell;
        this.walkChildren(cell);
        this.flush();
        this.block = row;
      });
    }
    this.block = outer;
    return true;
  }
}

/** The visible text under root, as lines in document order. */
export function visibleLines(root: ParentNode): Line[] {
  const env = makeEnv(root);
  const doc = docOf(root);
  const start = (root as Node).nodeType === 9 ? (root as Document).body : (root as Element);
  const w = new Walker(env, start ?? (doc?.documentElement as Element));
  if (!start) return [];
  if ((root as Node).nodeType === 1) w.walkElement(root as Element);
  else w.walkChildren(start);
  w.flush();
  return w.lines;
}

/** The visible text under root, one line per block. */
export function visibleText(root: ParentNode): string {
  return visibleLines(root)
    .map((l) => l.raw)
    .join('\n');
}
