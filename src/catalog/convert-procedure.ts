/**
 * One record of the national export → one Procedure of the project's catalog.
 * Text fields are copied as given; fees, times and documents are cleaned by
 * parse-fee, parse-duration and split-documents, each keeping the raw text.
 */
import type { ExportChannel, ExportProcedure } from './export-schema.js';
import type { Channel, Procedure } from './procedure-schema.js';
import { parseDuration } from './parse-duration.js';
import { parseFee } from './parse-fee.js';
import { splitDocuments } from './split-documents.js';

const CHANNEL_LABELS: Record<Channel['channel'], string> = {
  truc_tiep: 'Trực tiếp',
  truc_tuyen: 'Trực tuyến',
  buu_chinh: 'Dịch vụ bưu chính',
};

function orNull(s: string | null | undefined): string | null {
  const t = (s ?? '').trim();
  return t.length > 0 ? t : null;
}

export function convertChannel(ch: ExportChannel): Channel {
  const channel = ch.kenh as Channel['channel'];
  const { fee, description } = parseFee(ch.phi_le_phi, channel);
  const out: Channel = {
    channel,
    label: orNull(ch.kenh_ten) ?? CHANNEL_LABELS[channel] ?? ch.kenh,
    duration: parseDuration(ch, description),
    fee,
  };
  if (description) out.description = description;
  return out;
}

export function convertProcedure(p: ExportProcedure): Procedure {
  const { documents, documentNotes } = splitDocuments(p.thanh_phan_ho_so ?? []);
  return {
    code: p.ma_thu_tuc.trim(),
    name: p.ten_thu_tuc.trim(),
    topic: p.nhom_chu_de ?? '',
    field: p.linh_vuc ?? '',
    levels: p.cap_thuc_hien ?? [],
    audiences: p.doi_tuong_thuc_hien ?? [],
    agencies: {
      competent: orNull(p.co_quan_co_tham_quyen),
      performing: orNull(p.co_quan_thuc_hien),
      receivingAddress: orNull(p.dia_chi_tiep_nhan),
      delegated: orNull(p.co_quan_duoc_uy_quyen),
      coordinating: orNull(p.co_quan_phoi_hop),
    },
    channels: (p.cach_thuc_thuc_hien ?? []).map(convertChannel),
    documents,
    documentNotes,
    steps: orNull(p.trinh_tu_thuc_hien),
    conditions: orNull(p.yeu_cau_dieu_kien),
    result: { name: orNull(p.ket_qua?.ten), code: orNull(p.ket_qua?.ma_ket_qua) },
    legalBasis: p.can_cu_phap_ly ?? [],
    decision: orNull(p.so_quyet_dinh_cong_bo),
    sourceUrl: p.nguon_url ?? '',
    raw: { channels: orNull(p.raw?.cach_thuc_thuc_hien), documents: orNull(p.raw?.thanh_phan_ho_so) },
  };
}
