/**
 * Purchase imports, in stages: the file kept in parts as it arrives ({@link ImportFiles}), the import as a job that
 * any node resumes ({@link ImportJobs}), the till export read into batches ({@link TillExportReader}), each batch
 * rated and prepared ({@link BatchPreparation}, {@link RateBook}) and booked ({@link BatchBooking},
 * {@link RefundBooking}); the ledger entries through {@link org.clientclub.loyalty.internal.Ledger}, the only writer of
 * the ledger.
 *
 * <p>The file is booked while it arrives: the import reads each part from the upload, or back from the database when
 * it came before the import started reading or the import resumes elsewhere
 * (docs/decisions/0017-imports-booked-while-the-file-arrives.md). Its size does not matter to the heap; lines are
 * booked in batches of 125,000 (the first of 12,500, so booking starts early), two at a time, each in one transaction
 * with the lines it covered and the import's counts, so a restart skips the batches booked. Each receipt is booked
 * once in {@code loyalty_purchase}, whose key (post office, receipt number) refuses it when a file is uploaded again,
 * and each member gets one ledger entry per batch for their receipts in it
 * (docs/decisions/0014-purchase-receipts-apart-from-the-ledger.md).
 */
@org.jspecify.annotations.NullMarked
package org.clientclub.loyalty.internal.imports;
