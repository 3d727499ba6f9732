import { useMutation } from '@tanstack/react-query';
import { Descriptions, Form, Modal, Select } from 'antd';
import { useId, useState } from 'react';
import { type CampaignFileInfo, MAX_CAMPAIGN_FILE_BYTES, type PickedFile, type StartState } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { useT } from '../../app/i18n.tsx';
import { FileDrop } from '../../ui/FileDrop.tsx';
import { errorText, unwrap } from '../../app/query.ts';
import { fold } from '../overview/search.ts';
import { toPickedFile } from '../../app/files.ts';
import { useEntered } from './api.ts';
import { FolderField } from '../../ui/FolderField.tsx';

/** The campaign file as picked: its name to show, what main is given (shared/ipc/files.ts). */
type Picked = { name: string; file: PickedFile };

/** "1a2b 3c4d …": the fingerprint in groups of four, to read out on the phone. */
const grouped = (fp: string) => fp.match(/.{1,4}/g)?.join(' ') ?? fp;

/**
 * Join a campaign: the campaign file (dropped or picked), what it holds (to check the Home Affairs
 * key by phone), the officer's agency (search without diacritics) and the folder; errors at their field.
 */
export function JoinDialog({ state, onClose }: { state: StartState; onClose: () => void }) {
  const { t } = useT();
  const agencyId = useId();
  const [file, setFile] = useState<Picked | null>(null);
  const [info, setInfo] = useState<CampaignFileInfo | null>(null);
  const [agency, setAgency] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [folderTouched, setFolderTouched] = useState(false);
  const [errors, setErrors] = useState<{ file?: string; agency?: string; folder?: string }>({});
  const [reading, setReading] = useState<string | null>(null);
  const entered = useEntered();

  const inspect = useMutation({
    mutationFn: (f: Picked) => unwrap(api.startInspectCampaign({ file: f.file })),
    onSuccess: (v, f) => (setInfo(v), setFile(f), setErrors({})),
    onError: (e) => (setInfo(null), setFile(null), setErrors({ file: errorText(e, t) })),
  });
  const join = useMutation({
    mutationFn: (v: { file: Picked; agency: string; path: string }) => unwrap(api.startJoinCampaign({ ...v, file: v.file.file })),
    onSuccess: () => (onClose(), entered()),
    onError: (e) => setErrors({ folder: errorText(e, t) }),
  });

  const pick = async (f: File) => {
    setAgency(null);
    if (f.size > MAX_CAMPAIGN_FILE_BYTES) {
      // Said here before anything is sent; main refuses it again.
      setErrors({ file: t('start.campaign_too_large', { sizeMb: Math.ceil(f.size / 1048576), maxMb: MAX_CAMPAIGN_FILE_BYTES / 1048576 }) });
      return;
    }
    setReading(f.name);
    try {
      inspect.mutate({ name: f.name, file: await toPickedFile(f) });
    } finally {
      setReading(null);
    }
  };
  const choose = (code: string) => {
    setAgency(code);
    setErrors((e) => ({ ...e, agency: undefined }));
    if (!folderTouched) setFolder(`${state.defaultParent}${state.sep}${code}`);
  };
  const submit = () => {
    const next: typeof errors = {};
    if (!file || !info) next.file = t('start.field.file_required');
    else if (!agency) next.agency = t('start.field.agency_required');
    else if (!folder.trim()) next.folder = t('start.field.folder_required');
    setErrors(next);
    if (file && info && agency && folder.trim()) join.mutate({ file, agency, path: folder.trim() });
  };

  return (
    <Modal open width={720} title={t('start.join.title')} okText={t('start.join')} cancelText={t('start.cancel')} onOk={submit} onCancel={onClose} confirmLoading={join.isPending} okButtonProps={{ 'data-testid': 'join-submit' }} destroyOnHidden>
      <Form.Item layout="vertical" label={t('start.field.file')} validateStatus={errors.file ? 'error' : ''} help={errors.file && <span role="alert" data-testid="join-file-error">{errors.file}</span>}>
        <FileDrop
          className="start-drop"
          testId="join-file"
          accept=".parscore"
          disabled={inspect.isPending || !!reading}
          onFile={(f) => void pick(f)}
          title={file ? file.name : t('start.field.file')}
          hint={<span className="muted">{reading ? t('start.field.file_reading', { name: reading }) : t('start.field.file_drop')}</span>}
        />
      </Form.Item>
      {info && (
        <>
          <Descriptions size="small" column={1} bordered title={t('start.info.title')} data-testid="join-info" className="start-info">
            <Descriptions.Item label={t('start.info.province')}>{info.province}</Descriptions.Item>
            <Descriptions.Item label={t('start.info.campaign')}>
              {info.title} · {t('start.info.year', { year: info.year })}
            </Descriptions.Item>
            <Descriptions.Item label={t('start.info.fingerprint')}>
              <code data-testid="join-fingerprint">{grouped(info.fingerprint)}</code>
              <div className="muted">{t('start.info.fingerprint_help')}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('start.info.agencies')}>{t('start.info.agency_count', { count: info.agencies.length })}</Descriptions.Item>
          </Descriptions>
          <Form.Item layout="vertical" label={t('start.field.agency')} htmlFor={agencyId} validateStatus={errors.agency ? 'error' : ''} help={errors.agency && <span role="alert">{errors.agency}</span>} className="start-agency">
            <Select
              id={agencyId}
              data-testid="join-agency"
              showSearch={{ filterOption: (input, option) => fold(String(option?.label ?? '')).includes(fold(input)) }}
              placeholder={t('start.field.agency_placeholder')}
              value={agency}
              onChange={choose}
              options={info.agencies.map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }))}
              aria-invalid={!!errors.agency}
            />
          </Form.Item>
          <FolderField
            value={folder}
            onChange={(v) => (setFolder(v), setFolderTouched(true))}
            error={errors.folder ?? null}
            help={t('start.field.folder_new_help')}
            canPick={state.canPickFolder}
            testId="join-folder"
          />
        </>
      )}
    </Modal>
  );
}
