/** Dossier views for the admin API: officers see the name, never the full phone or CCCD. */
import type { Services } from '../services.js';
import type { Dossier } from '../store/records.js';
import { computeDeadline } from './compute-deadline.js';
import { STATUS_INFO } from './dossier-status.js';
import { maskIdNumber, maskName, maskPhone } from './mask-applicant.js';
import { procedureNameOf } from './procedure-name.js';

/** Row of a list: applicant name and phone masked. */
export function dossierListItem(services: Services, d: Dossier) {
  return {
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: procedureNameOf(services.catalog, d.procedureCode),
    applicant: { fullName: maskName(d.applicant.fullName), phone: maskPhone(d.applicant.phone) },
    agency: d.agency,
    status: d.status,
    statusLabel: STATUS_INFO[d.status].label,
    state: d.state,
    receivedAt: d.receivedAt,
    appointmentDate: d.appointmentDate,
    updatedAt: d.updatedAt,
  };
}

/** Detail: full name, masked phone and CCCD, history, creation, deadline. */
export function dossierDetail(services: Services, d: Dossier) {
  return {
    ...d,
    applicant: {
      fullName: d.applicant.fullName,
      phone: maskPhone(d.applicant.phone),
      ...(d.applicant.idNumber ? { idNumber: maskIdNumber(d.applicant.idNumber) } : {}),
    },
    procedureName: procedureNameOf(services.catalog, d.procedureCode),
    statusLabel: STATUS_INFO[d.status].label,
    deadline: computeDeadline(d, services.clock()),
    // The history holds status events only; the officer also sees when the dossier came in.
    created: { at: d.receivedAt, recordedAt: d.createdAt, ...(d.createdStatus ? { status: d.createdStatus } : {}) },
  };
}
