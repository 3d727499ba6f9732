import { Upload } from 'antd';
import type { ReactNode } from 'react';

/**
 * The drop area for one file, also opened with a click, Enter or Space (the system's file dialog):
 * the file goes to `onFile` (nothing is uploaded anywhere; the feature reads it and sends it
 * through the bridge as shared/ipc/files.ts says).
 */
export function FileDrop(props: { className: string; testId: string; accept?: string; disabled?: boolean; onFile: (f: File) => void; title: ReactNode; hint?: ReactNode }) {
  return (
    <Upload.Dragger
      className={props.className}
      data-testid={props.testId}
      {...(props.accept ? { accept: props.accept } : {})}
      disabled={props.disabled === true}
      multiple={false}
      fileList={[]}
      showUploadList={false}
      beforeUpload={(f) => {
        props.onFile(f);
        return false;
      }}
    >
      <strong>{props.title}</strong>
      <br />
      {props.hint}
    </Upload.Dragger>
  );
}
