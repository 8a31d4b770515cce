/**
 * The national procedure database export as the crawler writes it (see
 * ../shared/data/README-tthc-procedures-sample.md). Lenient on purpose: the
 * import cleans the text; this only checks the shape so a wrong file is
 * refused with a clear message instead of a crash deep in the converter.
 */
import { z } from 'zod';

const text = z.string().nullable().optional();

export const ExportChannelSchema = z.object({
  kenh: z.string(),
  kenh_ten: z.string().nullable().optional(),
  thoi_han: text,
  thoi_han_so: z.number().nullable().optional(),
  thoi_han_don_vi: text,
  phi_le_phi: text,
});

export const ExportDocumentSchema = z.object({
  nhom: text,
  ten_giay_to: z.string(),
  mau_don: text,
  so_ban_chinh: z.number().nullable().optional(),
  so_ban_sao: z.number().nullable().optional(),
});

export const ExportProcedureSchema = z.object({
  ma_thu_tuc: z.string(),
  nhom_chu_de: text,
  ten_thu_tuc: z.string(),
  linh_vuc: text,
  so_quyet_dinh_cong_bo: text,
  cap_thuc_hien: z.array(z.string()).nullable().optional(),
  doi_tuong_thuc_hien: z.array(z.string()).nullable().optional(),
  co_quan_thuc_hien: text,
  co_quan_co_tham_quyen: text,
  dia_chi_tiep_nhan: text,
  co_quan_duoc_uy_quyen: text,
  co_quan_phoi_hop: text,
  cach_thuc_thuc_hien: z.array(ExportChannelSchema).nullable().optional(),
  thanh_phan_ho_so: z.array(ExportDocumentSchema).nullable().optional(),
  trinh_tu_thuc_hien: text,
  yeu_cau_dieu_kien: text,
  ket_qua: z.object({ ten: text, ma_ket_qua: text }).nullable().optional(),
  can_cu_phap_ly: z.array(z.string()).nullable().optional(),
  nguon_url: text,
  raw: z.object({ cach_thuc_thuc_hien: text, thanh_phan_ho_so: text }).nullable().optional(),
});

export const ExportFileSchema = z.object({
  meta: z.record(z.string(), z.unknown()).optional(),
  procedures: z.array(ExportProcedureSchema),
});

export type ExportChannel = z.infer<typeof ExportChannelSchema>;
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;
export type ExportProcedure = z.infer<typeof ExportProcedureSchema>;
export type ExportFile = z.infer<typeof ExportFileSchema>;
