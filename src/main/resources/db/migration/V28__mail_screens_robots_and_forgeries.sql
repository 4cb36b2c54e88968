-- Mail now keeps robots' messages and forged senders' away from every handler (decision 0020, 0026): the reasons it
-- stored under the intake's keys become mail's own.
UPDATE mail_inbound
   SET reason = 'mailbox.reason.' || substr(reason, length('intake.reason.') + 1)
 WHERE reason IN ('intake.reason.forgedSender', 'intake.reason.bounce', 'intake.reason.autoReply',
                  'intake.reason.readReceipt', 'intake.reason.mailingList', 'intake.reason.noReply',
                  'intake.reason.bulk');
