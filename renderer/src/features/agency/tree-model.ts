import type { ItemEntry } from '../../../../shared/schema/index.ts';
import type { TemplateItem } from '../../../../shared/schema/index.ts';
import { agencyAnswers, isAnswered, lacksEvidence } from '../../../../shared/scoring/progress.ts';

export type TreeFilter = 'all' | 'unanswered' | 'noEvidence' | 'commented';

export interface TreeRow {
  item: TemplateItem;
  depth: number;
  /** Has children in the template (whether or not the filter shows them). */
  parent: boolean;
  expanded: boolean;
}

type Entries = Readonly<Record<string, ItemEntry | undefined>>;

/** Whether a leaf passes the filter: "unanswered" and "without evidence" concern only what the agency answers. */
function matches(item: TemplateItem, entry: ItemEntry | undefined, filter: TreeFilter, commented: ReadonlySet<string>): boolean {
  if (filter === 'all') return true;
  if (filter === 'commented') return commented.has(item.code);
  if (!agencyAnswers(item)) return false;
  return filter === 'unanswered' ? !isAnswered(entry) : lacksEvidence(entry);
}

/**
 * The rows the tree shows, in document order: with a filter, the leaves that match and their
 * ancestors; children of a collapsed item are hidden. `commented`: the items with an appraisal comment (the 'commented' filter).
 */
export function visibleRows(items: readonly TemplateItem[], entries: Entries, collapsed: ReadonlySet<string>, filter: TreeFilter, commented: ReadonlySet<string> = new Set()): TreeRow[] {
  const children = new Map<string | null, TemplateItem[]>();
  for (const i of items) {
    const list = children.get(i.parent);
    if (list) list.push(i);
    else children.set(i.parent, [i]);
  }
  const rows: TreeRow[] = [];
  const walk = (item: TemplateItem, depth: number, out: TreeRow[]): boolean => {
    const kids = children.get(item.code) ?? [];
    if (kids.length === 0) {
      if (!matches(item, entries[item.code], filter, commented)) return false;
      out.push({ item, depth, parent: false, expanded: false });
      return true;
    }
    const expanded = !collapsed.has(item.code);
    const below: TreeRow[] = [];
    let any = false;
    for (const k of kids) any = walk(k, depth + 1, below) || any;
    if (!any && filter !== 'all') return false;
    out.push({ item, depth, parent: true, expanded });
    if (expanded) out.push(...below);
    return true;
  };
  for (const root of children.get(null) ?? []) walk(root, 0, rows);
  return rows;
}
