<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>insurer adjudicated {portion} for the visit of {day}; {collected} collected</source>
      <extracomment>balance_part</extracomment>
      <translation>اعتمدت شركة التأمين {portion} لزيارة {day}؛ وحُصّل {collected}</translation>
    </message>
    <message>
      <source>Balance from earlier visits: {amount} ({parts})</source>
      <extracomment>balance_visits</extracomment>
      <translation>رصيد مستحق من زيارات سابقة: {amount} ({parts})</translation>
    </message>
    <message>
      <source>Balance from earlier visit: {amount} ({parts})</source>
      <extracomment>balance_visit</extracomment>
      <translation>رصيد مستحق من زيارة سابقة: {amount} ({parts})</translation>
    </message>
    <message>
      <source>Unknown reconciliation status {status}.</source>
      <extracomment>unknown_reconciliation_status</extracomment>
      <translation>حالة مطابقة غير معروفة {status}.</translation>
    </message>
    <message>
      <source>The date range ends before it starts; swap the dates.</source>
      <extracomment>date_range_ends_before</extracomment>
      <translation>ينتهي نطاق التاريخ قبل أن يبدأ؛ بدّل التاريخين.</translation>
    </message>
    <message>
      <source>The visit of {appointment_date} is {status}; only an overpaid visit has a difference to refund.</source>
      <extracomment>visit_overpaid_visit_difference</extracomment>
      <translation>حالة زيارة {appointment_date} هي {status}؛ لا يوجد فرق قابل للاسترداد إلا في الزيارة المدفوعة زيادةً.</translation>
    </message>
    <message>
      <source>The overpaid {amount} is already covered by refund requests ({refund_open} awaiting approval or payment).</source>
      <extracomment>overpaid_already_covered_refund</extracomment>
      <translation>المبلغ المدفوع زيادةً {amount} مغطّى بالفعل بطلبات استرداد ({refund_open} بانتظار الموافقة أو الصرف).</translation>
    </message>
    <message>
      <source>That visit has no copay receipt with an insurance claim to reconcile.</source>
      <extracomment>visit_no_copay_receipt</extracomment>
      <translation>لا يوجد لهذه الزيارة إيصال مبلغ مستحق مرتبط بمطالبة تأمين لمطابقته.</translation>
    </message>
  </context>
</TS>
