<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Appointment cancelled</source>
      <translation>إلغاء الموعد</translation>
    </message>
    <message>
      <source>Insurance updated</source>
      <translation>تحديث التأمين</translation>
    </message>
    <message>
      <source>Overcharge</source>
      <translation>رسوم زائدة</translation>
    </message>
    <message>
      <source>Doctor waived</source>
      <translation>إعفاء من الطبيب</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>أخرى</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>نقدًا</translation>
    </message>
    <message>
      <source>Back to card</source>
      <translation>إلى البطاقة</translation>
    </message>
    <message>
      <source>Bank transfer</source>
      <translation>تحويل بنكي</translation>
    </message>
    <message>
      <source>Patient deposit credit</source>
      <translation>رصيد في وديعة المريض</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>قيد الانتظار</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>معتمد</translation>
    </message>
    <message>
      <source>Processed</source>
      <translation>تم الصرف</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>مرفوض</translation>
    </message>
    <message>
      <source>approved</source>
      <comment>refunds.past_approved</comment>
      <translation>مُعتمد</translation>
    </message>
    <message>
      <source>processed</source>
      <comment>refunds.past_processed</comment>
      <translation>مصروف</translation>
    </message>
    <message>
      <source>rejected</source>
      <comment>refunds.past_rejected</comment>
      <translation>مرفوض</translation>
    </message>
    <message>
      <source>approved</source>
      <comment>refunds.adj_approved</comment>
      <translation>مُعتمد</translation>
    </message>
    <message>
      <source>pending</source>
      <comment>refunds.adj_pending</comment>
      <translation>قيد الانتظار</translation>
    </message>
    <message>
      <source>processed</source>
      <comment>refunds.adj_processed</comment>
      <translation>مصروف</translation>
    </message>
    <message>
      <source>rejected</source>
      <comment>refunds.adj_rejected</comment>
      <translation>مرفوض</translation>
    </message>
    <message>
      <source>{time}</source>
      <comment>refunds.when_today</comment>
      <translation>{time}</translation>
    </message>
    <message>
      <source>{time} on {day}</source>
      <comment>refunds.when_day</comment>
      <translation>{time} في {day}</translation>
    </message>
    <message>
      <source>This refund was already {status} by {by} at {when}.</source>
      <comment>refunds.already_by_at</comment>
      <translation>هذا الاسترداد {status} مسبقًا من قِبل {by} في {when}.</translation>
    </message>
    <message>
      <source>This refund was already {status} by {by}.</source>
      <comment>refunds.already_by</comment>
      <translation>هذا الاسترداد {status} مسبقًا من قِبل {by}.</translation>
    </message>
    <message>
      <source>This refund was already {status} at {when}.</source>
      <comment>refunds.already_at</comment>
      <translation>هذا الاسترداد {status} مسبقًا في {when}.</translation>
    </message>
    <message>
      <source>This refund was already {status}.</source>
      <comment>refunds.already</comment>
      <translation>هذا الاسترداد {status} مسبقًا.</translation>
    </message>
    <message>
      <source>{done} A rejected refund cannot be paid out.</source>
      <comment>refunds.rejected_no_payout</comment>
      <translation>{done} لا يمكن صرف استرداد مرفوض.</translation>
    </message>
    <message>
      <source>{done} Only pending refund requests can be deleted.</source>
      <comment>refunds.only_pending_deleted</comment>
      <translation>{done} يمكن حذف طلبات الاسترداد قيد الانتظار فقط.</translation>
    </message>
    <message>
      <source>This refund has not been approved yet. Approve it before processing it.</source>
      <comment>refunds.not_approved_yet</comment>
      <translation>لم يُعتمد هذا الاسترداد بعد. اعتمده قبل صرفه.</translation>
    </message>
    <message>
      <source>A {status} refund cannot be approved; only refunds in another state can be approved.</source>
      <comment>refunds.cannot_approve</comment>
      <translation>لا يمكن اعتماد استرداد {status}؛ يمكن اعتماد المبالغ المستردة في حالة أخرى فقط.</translation>
    </message>
    <message>
      <source>A {status} refund cannot be rejected; only refunds in another state can be rejected.</source>
      <comment>refunds.cannot_reject</comment>
      <translation>لا يمكن رفض استرداد {status}؛ يمكن رفض المبالغ المستردة في حالة أخرى فقط.</translation>
    </message>
    <message>
      <source>A {status} refund cannot be processed; only refunds in another state can be processed.</source>
      <comment>refunds.cannot_process</comment>
      <translation>لا يمكن صرف استرداد {status}؛ يمكن صرف المبالغ المستردة في حالة أخرى فقط.</translation>
    </message>
    <message>
      <source>A {status} refund cannot be deleted; only refunds in another state can be deleted.</source>
      <comment>refunds.cannot_delete</comment>
      <translation>لا يمكن حذف استرداد {status}؛ يمكن حذف المبالغ المستردة في حالة أخرى فقط.</translation>
    </message>
    <message>
      <source>{amount} paid</source>
      <comment>refunds.part_paid</comment>
      <translation>{amount} مدفوع</translation>
    </message>
    <message>
      <source>{amount} refunded</source>
      <comment>refunds.part_refunded</comment>
      <translation>{amount} مُسترد</translation>
    </message>
    <message>
      <source>{amount} awaiting approval</source>
      <comment>refunds.part_awaiting</comment>
      <translation>{amount} بانتظار الاعتماد</translation>
    </message>
    <message>
      <source>{amount} approved, not yet paid out</source>
      <comment>refunds.part_approved_unpaid</comment>
      <translation>{amount} معتمد ولم يُصرف بعد</translation>
    </message>
    <message>
      <source>The refund amount must be more than zero.</source>
      <comment>refunds.refund_amount_more_than_2</comment>
      <translation>يجب أن يكون مبلغ الاسترداد أكبر من صفر.</translation>
    </message>
    <message>
      <source>The refund amount</source>
      <comment>refunds.label_amount</comment>
      <translation>مبلغ الاسترداد</translation>
    </message>
    <message>
      <source>The refund amount must be more than zero.</source>
      <comment>refunds.refund_amount_more_than</comment>
      <translation>يجب أن يكون مبلغ الاسترداد أكبر من صفر.</translation>
    </message>
    <message>
      <source>Nothing more can be refunded on receipt {receipt_number} ({explain}).</source>
      <comment>refunds.nothing_more_refunded_receipt</comment>
      <translation>لا يمكن استرداد أي مبلغ إضافي على الإيصال {receipt_number} ({explain}).</translation>
    </message>
    <message>
      <source>At most {left} can still be refunded on receipt {receipt_number} ({explain}).</source>
      <comment>refunds.at_most_still</comment>
      <translation>لا يزال بالإمكان استرداد {left} كحد أقصى على الإيصال {receipt_number} ({explain}).</translation>
    </message>
    <message>
      <source>At most {left} can be refunded on receipt {receipt_number} ({explain}).</source>
      <comment>refunds.at_most</comment>
      <translation>يمكن استرداد {left} كحد أقصى على الإيصال {receipt_number} ({explain}).</translation>
    </message>
    <message>
      <source>in cash</source>
      <comment>refunds.how_cash</comment>
      <translation>نقدًا</translation>
    </message>
    <message>
      <source>from the patient's deposit</source>
      <comment>refunds.how_deposit</comment>
      <translation>من وديعة المريض</translation>
    </message>
    <message>
      <source>This copay was paid {how}, so it cannot be refunded to a card. Choose cash, bank transfer or deposit credit.</source>
      <comment>refunds.not_by_card</comment>
      <translation>دُفعت نسبة التحمل هذه {how}، لذا لا يمكن استردادها إلى بطاقة. اختر نقدًا أو تحويلًا بنكيًا أو رصيدًا في الوديعة.</translation>
    </message>
    <message>
      <source>without a card</source>
      <comment>refunds.how_other</comment>
      <translation>بدون بطاقة</translation>
    </message>
    <message>
      <source>Details</source>
      <comment>refunds.label_details</comment>
      <translation>التفاصيل</translation>
    </message>
    <message>
      <source>Describe the reason for the refund in Details when the reason is Other.</source>
      <comment>refunds.describe_reason_refund_details</comment>
      <translation>اكتب سبب الاسترداد في التفاصيل عندما يكون السبب «أخرى».</translation>
    </message>
    <message>
      <source>Details can be at most {max} characters.</source>
      <comment>refunds.details_most_max_details</comment>
      <translation>يمكن أن تحتوي التفاصيل على {max} حرفًا كحد أقصى.</translation>
    </message>
    <message>
      <source>The rejection reason</source>
      <comment>refunds.label_rejection_reason</comment>
      <translation>سبب الرفض</translation>
    </message>
    <message>
      <source>Give a reason for rejecting the refund; the requester will see it.</source>
      <comment>refunds.give_reason_rejecting_refund</comment>
      <translation>اذكر سبب رفض الاسترداد؛ سيراه مقدّم الطلب.</translation>
    </message>
    <message>
      <source>The rejection reason can be at most {max} characters.</source>
      <comment>refunds.rejection_reason_most_max</comment>
      <translation>يمكن أن يحتوي سبب الرفض على {max} حرفًا كحد أقصى.</translation>
    </message>
  </context>
</TS>
