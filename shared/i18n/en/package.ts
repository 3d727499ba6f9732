import type { pkg as vi } from '../vi/package.ts';

export const pkg: Record<keyof typeof vi, string> = {
  // Opening a package file
  'package.too_large': 'The package file is too large: {size} bytes, at most {max} bytes allowed.',
  'package.not_zip': 'This file is not a ParScore package (it is not a zip file).',
  'package.truncated': 'The package file is truncated or damaged; its zip structure cannot be read ({detail}). Ask for the file to be sent again.',
  'package.damaged': 'The zip structure of the package file is damaged ({detail}). Ask for the file to be sent again.',
  'package.too_many_entries': 'The package has too many entries: {count}, at most {max}.',
  'package.entry_name_empty': 'The package has an entry without a name.',
  'package.entry_name_absolute': 'The entry “{path}” uses an absolute path; the package is refused.',
  'package.entry_name_dotdot': 'The entry “{path}” contains “..” to point outside the package; the package is refused.',
  'package.entry_name_backslash': 'The entry “{path}” contains a backslash “\\”; the package is refused.',
  'package.entry_name_drive': 'The entry “{path}” contains a drive letter (such as C:); the package is refused.',
  'package.entry_name_invalid':
    'The entry name “{path}” is invalid (a forbidden character, an empty or “.” segment, over 300 characters, or not UTF-8).',
  'package.entry_duplicate': 'The entry “{path}” has the same name as “{other}” (ignoring case).',
  'package.entry_unsupported': 'The entry “{path}” is encrypted or compressed in an unsupported way (method {method}).',
  'package.entry_too_large': 'The entry “{path}” is too large: {size} bytes, at most {max} bytes.',
  'package.entry_ratio':
    'The entry “{path}” has an abnormal compression ratio ({ratio}:1, at most {max}:1), possibly a “zip bomb”; the package was not opened.',
  'package.entry_size_exceeds_declared':
    'The entry “{path}” inflates to more than its declared size ({declared} bytes); reading was stopped and the package is refused.',
  'package.total_too_large': 'The package inflates to too much data in total: {size} bytes, at most {max} bytes.',
  'package.entry_damaged': 'The entry “{path}” is damaged ({detail}).',
  'package.entry_header_mismatch': 'The two zip headers of the entry “{path}” disagree; the package is damaged or was modified.',
  'package.entries_overlap': 'The entry “{path}” shares its data with “{other}”; the package is refused.',
  'package.manifest_missing': 'The package has no manifest.json.',
  'package.signature_missing':
    'The package does not end with a ParScore digital signature: it was cut short or changed at its end, or it was not made by ParScore. Ask for the file to be sent again.',
  'package.format_version':
    'The file is in exchange format version {version}; this version of ParScore reads only format version {supported}. Ask the sender to make the file again with the current version of ParScore.',
  'package.signer_mismatch': 'manifest.json names another signer’s key than the key that signed the file; the package is not accepted.',
  'package.manifest_not_json': 'manifest.json is not valid JSON ({detail}).',
  'package.manifest_invalid': 'manifest.json does not have the expected format.',
  'package.signer_key_invalid': 'The signer’s public key is not a valid Ed25519 key.',
  'package.signer_fingerprint_mismatch': 'The signer’s key fingerprint does not match the public key given with it.',
  'package.signature_invalid': 'The digital signature is invalid: the package was changed after signing, or the signature is not by this key.',
  'package.wrong_kind': 'Wrong kind of file: this is a file of kind “{actual}”, where “{expected}” is needed.',
  'package.manifest_reserved': 'The manifest lists the reserved name “{path}”.',
  'package.manifest_duplicate': 'The manifest lists “{path}” more than once.',
  'package.entry_missing': 'The entry “{path}” is listed in the manifest but missing from the package.',
  'package.entry_unlisted': 'The entry “{path}” is in the package but not in the signed manifest.',
  'package.entry_size_mismatch': 'The size of the entry “{path}” does not match the manifest: expected {expected} bytes, found {actual} bytes.',
  'package.entry_hash_mismatch': 'The SHA-256 of the entry “{path}” does not match the manifest: its content was changed.',
  'package.payload_missing': 'The package has no main document (a JSON file at its root).',
  'package.payload_ambiguous': 'The package has several documents at its root ({paths}); there must be exactly one.',
  'package.payload_not_json': 'The document “{path}” is not valid JSON ({detail}).',
  'package.entry_duplicate_key': 'In “{path}” of the package, the key “{key}” appears twice in the same object (at {keyPath}); the package is not read, so that its content cannot be misread.',
  'package.entry_prototype_key': 'In “{path}” of the package, the key “{key}” (at {keyPath}) is a reserved name that cannot be used as a code or a field name; the package is not read.',
  // Writing a package
  'package.write_payload_path': 'The main document name “{path}” must be a .json file name at the root, other than manifest.json and signature.json.',
  'package.write_file_path': 'The attached file “{path}” must be inside a folder (e.g. evidence/…).',
  'package.write_duplicate_path': 'The name “{path}” collides with “{other}” in the package.',
  'package.write_payload_not_json': 'The main document cannot be converted to JSON ({detail}).',
  'package.write_too_large': 'The file “{path}” is too large for a package: {size} bytes, at most {max} bytes.',
  'package.write_too_many_entries': 'The package would have too many entries: {count}, at most {max}.',
  'package.write_total_too_large': 'The package would be too large: {size} bytes, at most {max} bytes.',
  // Signing identity
  'package.identity_bad_name': 'The key owner’s name must have 1 to {max} characters.',
  'package.identity_mismatch': 'The private key does not match the public key of the signing identity.',
  'package.identity_key_missing':
    'The private key (keys/identity.key) is missing although its public part remains; nothing can be signed. Restore the key file from a backup or create a new key.',
  'package.identity_damaged': 'The signing key file is damaged or invalid.',
  'package.identity_unreadable': 'The signing key file cannot be read ({detail}).',
  'package.identity_write_failed': 'The signing key could not be written ({detail}).',
};
