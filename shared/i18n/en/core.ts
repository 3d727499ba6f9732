import type { core as vi } from '../vi/core.ts';

export const core: Record<keyof typeof vi, string> = {
  'loc.file': 'file {v}',
  'loc.sheet': 'sheet {v}',
  'loc.row': 'row {v}',
  'loc.column': 'column {v}',
  'loc.template': 'template {v}',
  'loc.agency': 'agency {v}',
  'loc.rule': 'rule {v}',
  'loc.item': 'item {v}',
  'loc.field': 'field {v}',
  'doc.not_object': 'The content is not a valid {kind} document (a JSON object is required).',
  'doc.wrong_kind': 'Wrong document kind: expected {expected}, got {actual}.',
  'doc.bad_version': 'The {kind} document has a missing or invalid schemaVersion.',
  'doc.future_version':
    'The {kind} document has schema version {version}, newer than version {latest} supported by this ParScore. Please update ParScore; the file was not changed.',
  'doc.no_migration': 'No migration for {kind} documents from version {version}.',
  'doc.schema': 'Invalid value ({detail}).',
  'doc.not_json': 'The file is not valid JSON ({detail}).',
};
