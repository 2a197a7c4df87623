<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Claim</source>
      <translation>المطالبة</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>المريض</translation>
    </message>
    <message>
      <source>Payer</source>
      <translation>الجهة الدافعة</translation>
    </message>
    <message>
      <source>Receipt</source>
      <translation>الإيصال</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>الزيارة</translation>
    </message>
    <message>
      <source>Collected</source>
      <translation>المحصّل</translation>
    </message>
    <message>
      <source>Difference</source>
      <translation>الفرق</translation>
    </message>
    <message>
      <source>Patient portion</source>
      <translation>حصة المريض</translation>
    </message>
    <message>
      <source>Refunded</source>
      <translation>المسترد</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Not Submitted</source>
      <translation>غير مُرسلة</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>مُرسلة</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>موافق عليها</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>مدفوعة</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>مرفوضة</translation>
    </message>
    <message>
      <source>Loading the reconciliation…</source>
      <translation>جارٍ تحميل المطابقة…</translation>
    </message>
    <message>
      <source>Export the reconciliation</source>
      <translation>تصدير المطابقة</translation>
    </message>
    <message>
      <source>Reconciliation: copay collected vs insurer's decision</source>
      <translation>المطابقة: نسبة التحمل المحصّلة مقابل قرار شركة التأمين</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>تصدير CSV…</translation>
    </message>
    <message>
      <source>Save the visits matching the filters, every figure explained (up to {limit})</source>
      <translation>حفظ الزيارات المطابقة لعوامل التصفية مع شرح كل رقم (حتى {limit})</translation>
    </message>
    <message>
      <source>Each visit whose copay was collected at the desk and which has an OpenDental claim: once the insurer has adjudicated it, the patient portion it set (billed − insurer paid − write-off) against what the patient paid, net of refunds. Select a visit for the figures in words.</source>
      <translation>كل زيارة حُصّلت نسبة تحملها عند مكتب الاستقبال ولها مطالبة في OpenDental: بعد أن تبتّ شركة التأمين فيها، تُقارن حصة المريض التي حددتها (المفوتر − ما دفعته شركة التأمين − المشطوب) بما دفعه المريض بعد خصم المبالغ المستردة. اختر زيارة لقراءة الأرقام مشروحة.</translation>
    </message>
    <message>
      <source>Every status</source>
      <translation>كل الحالات</translation>
    </message>
    <message>
      <source>Every payer</source>
      <translation>كل الجهات الدافعة</translation>
    </message>
    <message>
      <source>Visits from</source>
      <translation>الزيارات من</translation>
    </message>
    <message>
      <source>Visits to</source>
      <translation>الزيارات حتى</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>تطبيق</translation>
    </message>
    <message>
      <source>to</source>
      <translation>إلى</translation>
    </message>
    <message>
      <source>Exporting the reconciliation…</source>
      <translation>جارٍ تصدير المطابقة…</translation>
    </message>
    <message>
      <source>Exported 1 visit to {path}.</source>
      <translation>صُدّرت زيارة واحدة إلى {path}.</translation>
    </message>
    <message>
      <source>Exported {rows} visits to {path}.</source>
      <translation>صُدّرت {rows} زيارة إلى {path}.</translation>
    </message>
    <message>
      <source>Exported the newest {rows} visits to {path}; narrow the dates to export the rest.</source>
      <translation>صُدّرت أحدث {rows} زيارات إلى {path}؛ ضيّق نطاق التواريخ لتصدير الباقي.</translation>
    </message>
    <message>
      <source>Select a visit to see how its figures were reached.</source>
      <translation>اختر زيارة لمعرفة كيف حُسبت أرقامها.</translation>
    </message>
    <message>
      <source>Request refund…</source>
      <translation>طلب استرداد…</translation>
    </message>
    <message>
      <source>Write off balance…</source>
      <translation>شطب الرصيد…</translation>
    </message>
    <message>
      <source>The date range ends before it starts; swap the dates.</source>
      <translation>نطاق التواريخ ينتهي قبل أن يبدأ؛ بدّل التاريخين.</translation>
    </message>
    <message>
      <source>{patient}, MRN {mrn}</source>
      <translation>{patient}، رقم الملف الطبي {mrn}</translation>
    </message>
    <message>
      <source>, </source>
      <translation>،</translation>
    </message>
    <message>
      <source>{status} {count}</source>
      <translation>{status} {count}</translation>
    </message>
    <message>
      <source>Visits {first}–{last}, newest first ({counts})</source>
      <translation>الزيارات {first}–{last}، الأحدث أولاً ({counts})</translation>
    </message>
    <message>
      <source>No visits match these filters ({counts}).</source>
      <translation>لا توجد زيارات تطابق عوامل التصفية هذه ({counts}).</translation>
    </message>
    <message>
      <source>{patient} ({mrn}) — visit of {day}, receipt {receipt}, {payer} claim #{claim}: {status}</source>
      <translation>{patient} ({mrn}) — زيارة {day}، الإيصال {receipt}، مطالبة {payer} رقم #{claim}: {status}</translation>
    </message>
    <message>
      <source>no payer</source>
      <translation>بدون جهة دافعة</translation>
    </message>
    <message>
      <source>Request refund of {amount}…</source>
      <translation>طلب استرداد {amount}…</translation>
    </message>
    <message>
      <source>Write off {amount}…</source>
      <translation>شطب {amount}…</translation>
    </message>
    <message>
      <source>Write off balance</source>
      <translation>شطب الرصيد</translation>
    </message>
    <message>
      <source>{patient} still owes {amount} for the visit of {day}. Why is it written off instead of collected at the next visit? The reason is kept in the audit log.</source>
      <translation>لا يزال على {patient} مبلغ {amount} عن زيارة {day}. لماذا يُشطب بدلاً من تحصيله في الزيارة القادمة؟ يُحفظ السبب في سجل التدقيق.</translation>
    </message>
    <message>
      <source>Write off</source>
      <translation>شطب</translation>
    </message>
    <message>
      <source>Balance of {amount} written off for {patient} (visit of {day}); the visit is settled.</source>
      <translation>شُطب رصيد {amount} للمريض {patient} (زيارة {day})؛ تمت تسوية الزيارة.</translation>
    </message>
    <message>
      <source>Ask for a refund of {amount} ({method}) on receipt {receipt} for {patient}?</source>
      <translation>طلب استرداد {amount} ({method}) على الإيصال {receipt} للمريض {patient}؟</translation>
    </message>
    <message>
      <source>The request goes to the refund approval queue; someone else approves it.</source>
      <translation>يذهب الطلب إلى قائمة انتظار الموافقة على الاستردادات؛ ويوافق عليه شخص آخر.</translation>
    </message>
    <message>
      <source>Request refund</source>
      <translation>طلب استرداد</translation>
    </message>
    <message>
      <source>Refund of {amount} requested for {patient} (receipt {receipt}); it now waits for approval on Refunds.</source>
      <translation>طُلب استرداد {amount} للمريض {patient} (الإيصال {receipt})؛ وهو الآن بانتظار الموافقة في صفحة الاستردادات.</translation>
    </message>
  </context>
</TS>
