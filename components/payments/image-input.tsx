'use client';
// A PNG/JPEG picker for payment images (QR codes, slips): checks size and content (magic bytes) in the
// browser, then puts the image as a data URL into a hidden field, which the server checks again
// (lib/validation/payments.ts). The file input itself has no name, so the raw file is never posted.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FieldErrors } from '@/components/action-form';
import { MAX_IMAGE_BYTES, sniffImageType } from '@/lib/validation/image-rules';

export function ImageInput({
  name,
  label,
  hint,
  errors,
  testId,
  idPrefix = '',
}: {
  name: string;
  label: string;
  hint: string;
  errors?: string[];
  testId?: string;
  idPrefix?: string;
}) {
  const t = useTranslations('payments');
  const [data, setData] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = `${idPrefix}${name}`;
  async function pick(file: File | undefined) {
    setData('');
    setProblem(null);
    if (!file) return;
    if (file.size > MAX_IMAGE_BYTES) return setProblem(t('imageTooBig'));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = sniffImageType(bytes);
    if (!type) return setProblem(t('imageNotPngJpeg'));
    const reader = new FileReader();
    reader.onload = () => setData(String(reader.result).replace(/^data:[^;]*;/, `data:${type};`));
    reader.readAsDataURL(file);
  }
  const shown = problem ? [problem] : errors;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg"
        onChange={(e) => pick(e.target.files?.[0])}
        className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
        aria-invalid={shown?.length ? true : undefined}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
      />
      <input type="hidden" name={name} value={data} />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
        {hint}
      </p>
      {data && (
        // eslint-disable-next-line @next/next/no-img-element -- a preview of the picked file (a data URL)
        <img
          src={data}
          alt=""
          className="mt-2 h-24 w-auto rounded border border-slate-200 object-contain"
          data-testid={testId && `${testId}-preview`}
        />
      )}
      <FieldErrors errors={shown} id={`${id}-error`} />
    </div>
  );
}
