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
      <extracomment>past_approved</extracomment>
      <translation>مُعتمد</translation>
    </message>
    <message>
      <source>processed</source>
      <extracomment>past_processed</extracomment>
      <translation>مصروف</translation>
    </message>
    <message>
      <source>rejected</source>
      <extracomment>past_rejected</extracomment>
      <translation>مرفوض</translation>
    </message>
    <message>
      <source>pending</source>
      <extracomment>adj_pending</extracomment>
      <translation>قيد الانتظار</translation>
    </message>
    <message>
      <source>{time}</source>
      <extracomment>when_today</extracomment>
      <translation>{time}</translation>
    </message>
    <message>
      <source>{time} on {day}</source>
      <extracomment>when_day</extracomment>
      <translation>{time} في {day}</translation>
    </message>
    <message>
      <source>This refund was already {status} by {by} at {when}.</source>
      <extracomment>already_by_at</extracomment>
      <translation>هذا الاسترداد {status} مسبقًا من قِبل {by} في {when}.</translation>
    </message>
    <message>
      <source>This refund was already {status} by {by}.</source>
      <extracomment>already_by</extracomment>
      <translation>هذا الاسترداد {status} مسبقًا من قِبل {by}.</translation>
    </message>
    <message>
      <source>This refund was already {status} at {when}.</source>
      <extracomment>already_at</extracomment>
      <translation>هذا الاسترداد {status} مسبقًا في {when}.</translation>
    </message>
    <message>
      <source>This refund was already {status}.</source>
      <extracomment>already</extracomment>
      <translation>هذا الاسترداد {status} مسبقًا.</translation>
    </message>
    <message>
      <source>{done} A rejected refund cannot be paid out.</source>
      <extracomment>rejected_no_payout</extracomment>
      <translation>{done} لا يمكن صرف استرداد مرفوض.</translation>
    </message>
    <message>
      <source>{done} Only pending refund requests can be deleted.</source>
      <extracomment>only_pending_deleted</extracomment>
      <translation>{done} يمكن حذف طلبات الاسترداد قيد الانتظار فقط.</translation>
    </message>
    <message>
      <source>This refund has not been approved yet. Approve it before processing it.</source>
      <extracomment>not_approved_yet</extracomment>
      <translation>لم يُعتمد هذا الاسترداد بعد. اعتمده قبل صرفه.</translation>
    </message>
    <message>
      <source>A {status} refund cannot be approved; only refunds in another state can be approved.</source>
      <extracomment>cannot_approve</extracomment>
      <translation>لا يمكن اعتماد استرداد {status}؛ يمكن اعتماد المبالغ المستردة في حالة أخرى فقط.</translation>
    </message>
    <message>
      <source>A {status} refund cannot be rejected; only refunds in another state can be rejected.</source>
      <extracomment>cannot_reject</extracomment>
      <translation>لا يمكن رفض استرداد {status}؛ يمكن رفض المبالغ المستردة في حالة أخرى فقط.</translation>
    </message>
    <message>
      <source>A {status} refund cannot be processed; only refunds in another state can be processed.</source>
      <extracomment>cannot_process</extracomment>
      <translation>لا يمكن صرف استرداد {status}؛ يمكن صرف المبالغ المستردة في حالة أخرى فقط.</translation>
    </message>
    <message>
      <source>A {status} refund cannot be deleted; only refunds in another state can be deleted.</source>
      <extracomment>cannot_delete</extracomment>
      <translation>لا يمكن حذف استرداد {status}؛ يمكن حذف المبالغ المستردة في حالة أخرى فقط.</translation>
    </message>
    <message>
      <source>{amount} paid</source>
      <extracomment>part_paid</extracomment>
      <translation>{amount} مدفوع</translation>
    </message>
    <message>
      <source>{amount} refunded</source>
      <extracomment>part_refunded</extracomment>
      <translation>{amount} مُسترد</translation>
    </message>
    <message>
      <source>{amount} awaiting approval</source>
      <extracomment>part_awaiting</extracomment>
      <translation>{amount} بانتظار الاعتماد</translation>
    </message>
    <message>
      <source>{amount} approved, not yet paid out</source>
      <extracomment>part_approved_unpaid</extracomment>
      <translation>{amount} معتمد ولم يُصرف بعد</translation>
    </message>
    <message>
      <source>The refund amount</source>
      <extracomment>label_amount</extracomment>
      <translation>مبلغ الاسترداد</translation>
    </message>
    <message>
      <source>The refund amount must be more than zero.</source>
      <extracomment>refund_amount_more_than</extracomment>
      <translation>يجب أن يكون مبلغ الاسترداد أكبر من صفر.</translation>
    </message>
    <message>
      <source>Nothing more can be refunded on receipt {receipt_number} ({explain}).</source>
      <extracomment>nothing_more_refunded_receipt</extracomment>
      <translation>لا يمكن استرداد أي مبلغ إضافي على الإيصال {receipt_number} ({explain}).</translation>
    </message>
    <message>
      <source>At most {left} can still be refunded on receipt {receipt_number} ({explain}).</source>
      <extracomment>at_most_still</extracomment>
      <translation>لا يزال بالإمكان استرداد {left} كحد أقصى على الإيصال {receipt_number} ({explain}).</translation>
    </message>
    <message>
      <source>At most {left} can be refunded on receipt {receipt_number} ({explain}).</source>
      <extracomment>at_most</extracomment>
      <translation>يمكن استرداد {left} كحد أقصى على الإيصال {receipt_number} ({explain}).</translation>
    </message>
    <message>
      <source>in cash</source>
      <extracomment>how_cash</extracomment>
      <translation>نقدًا</translation>
    </message>
    <message>
      <source>from the patient's deposit</source>
      <extracomment>how_deposit</extracomment>
      <translation>من وديعة المريض</translation>
    </message>
    <message>
      <source>This copay was paid {how}, so it cannot be refunded to a card. Choose cash, bank transfer or deposit credit.</source>
      <extracomment>not_by_card</extracomment>
      <translation>دُفعت نسبة التحمل هذه {how}، لذا لا يمكن استردادها إلى بطاقة. اختر نقدًا أو تحويلًا بنكيًا أو رصيدًا في الوديعة.</translation>
    </message>
    <message>
      <source>without a card</source>
      <extracomment>how_other</extracomment>
      <translation>بدون بطاقة</translation>
    </message>
    <message>
      <source>Details</source>
      <extracomment>label_details</extracomment>
      <translation>التفاصيل</translation>
    </message>
    <message>
      <source>Describe the reason for the refund in Details when the reason is Other.</source>
      <extracomment>describe_reason_refund_details</extracomment>
      <translation>اكتب سبب الاسترداد في التفاصيل عندما يكون السبب «أخرى».</translation>
    </message>
    <message>
      <source>Details can be at most {max} characters.</source>
      <extracomment>details_most_max_details</extracomment>
      <translation>يمكن أن تحتوي التفاصيل على {max} حرفًا كحد أقصى.</translation>
    </message>
    <message>
      <source>The rejection reason</source>
      <extracomment>label_rejection_reason</extracomment>
      <translation>سبب الرفض</translation>
    </message>
    <message>
      <source>Give a reason for rejecting the refund; the requester will see it.</source>
      <extracomment>give_reason_rejecting_refund</extracomment>
      <translation>اذكر سبب رفض الاسترداد؛ سيراه مقدّم الطلب.</translation>
    </message>
    <message>
      <source>The rejection reason can be at most {max} characters.</source>
      <extracomment>rejection_reason_most_max</extracomment>
      <translation>يمكن أن يحتوي سبب الرفض على {max} حرفًا كحد أقصى.</translation>
    </message>
  </context>
</TS>
