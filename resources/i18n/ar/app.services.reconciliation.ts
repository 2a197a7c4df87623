<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>insurer adjudicated {portion} for the visit of {day}; {collected} collected</source>
      <comment>reconciliation.balance_part</comment>
      <translation>اعتمدت شركة التأمين {portion} لزيارة {day}؛ وحُصّل {collected}</translation>
    </message>
    <message>
      <source>Balance from earlier visits: {amount} ({parts})</source>
      <comment>reconciliation.balance_visits</comment>
      <translation>رصيد مستحق من زيارات سابقة: {amount} ({parts})</translation>
    </message>
    <message>
      <source>Balance from earlier visit: {amount} ({parts})</source>
      <comment>reconciliation.balance_visit</comment>
      <translation>رصيد مستحق من زيارة سابقة: {amount} ({parts})</translation>
    </message>
    <message>
      <source>The balance from earlier visits is now {now}, not the {seen} shown: another desk collected or wrote it off, or the insurer's decision changed. Nothing was charged; close the dialog and open it again.</source>
      <comment>reconciliation.balance_changed</comment>
      <translation>رصيد الزيارات السابقة الآن {now}، وليس {seen} المعروض: حصّله أو شطبه مكتب آخر، أو تغيّر قرار شركة التأمين. لم يُحصّل أي مبلغ؛ أغلق النافذة وافتحها مجددًا.</translation>
    </message>
    <message>
      <source>A balance to collect must be more than zero.</source>
      <comment>reconciliation.balance_above_zero</comment>
      <translation>يجب أن يكون الرصيد المراد تحصيله أكبر من الصفر.</translation>
    </message>
    <message>
      <source>Unknown reconciliation status {status}.</source>
      <comment>reconciliation.unknown_reconciliation_status</comment>
      <translation>حالة مطابقة غير معروفة {status}.</translation>
    </message>
    <message>
      <source>The date range ends before it starts; swap the dates.</source>
      <comment>reconciliation.date_range_ends_before</comment>
      <translation>ينتهي نطاق التاريخ قبل أن يبدأ؛ بدّل التاريخين.</translation>
    </message>
    <message>
      <source>A balance can only be written off by a signed-in user.</source>
      <comment>reconciliation.write_off_needs_user</comment>
      <translation>لا يمكن شطب رصيد إلا من قبل مستخدم مسجّل الدخول.</translation>
    </message>
    <message>
      <source>Enter a reason to write off the balance.</source>
      <comment>reconciliation.write_off_reason</comment>
      <translation>أدخل سببًا لشطب الرصيد.</translation>
    </message>
    <message>
      <source>There is no such visit at this hospital.</source>
      <comment>reconciliation.no_such_visit</comment>
      <translation>لا توجد زيارة كهذه في هذا المستشفى.</translation>
    </message>
    <message>
      <source>The visit of {day} is {status}; there is no balance to write off.</source>
      <comment>reconciliation.no_balance_to_write_off</comment>
      <translation>زيارة {day} حالتها {status}؛ لا يوجد رصيد لشطبه.</translation>
    </message>
    <message>
      <source>The visit of {appointment_date} is {status}; only an overpaid visit has a difference to refund.</source>
      <comment>reconciliation.visit_overpaid_visit_difference</comment>
      <translation>حالة زيارة {appointment_date} هي {status}؛ لا يوجد فرق قابل للاسترداد إلا في الزيارة المدفوعة زيادةً.</translation>
    </message>
    <message>
      <source>The overpaid {amount} is already covered by refund requests ({refund_open} awaiting approval or payment).</source>
      <comment>reconciliation.overpaid_already_covered_refund</comment>
      <translation>المبلغ المدفوع زيادةً {amount} مغطّى بالفعل بطلبات استرداد ({refund_open} بانتظار الموافقة أو الصرف).</translation>
    </message>
    <message>
      <source>That visit has no copay receipt with an insurance claim to reconcile.</source>
      <comment>reconciliation.visit_no_copay_receipt</comment>
      <translation>لا يوجد لهذه الزيارة إيصال مبلغ مستحق مرتبط بمطالبة تأمين لمطابقته.</translation>
    </message>
  </context>
</TS>
