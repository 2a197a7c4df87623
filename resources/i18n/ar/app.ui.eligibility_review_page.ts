<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Doctor</source>
      <translation>الطبيب</translation>
    </message>
    <message>
      <source>Eligibility</source>
      <translation>الأهلية</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>المريض</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>الزيارة</translation>
    </message>
    <message>
      <source>When</source>
      <translation>الوقت</translation>
    </message>
    <message>
      <source>Checked</source>
      <translation>تاريخ التحقق</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>المصدر</translation>
    </message>
    <message>
      <source>Confirmed</source>
      <translation>مؤكد</translation>
    </message>
    <message>
      <source>Scheduled</source>
      <translation>مجدول</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>تم تسجيل الوصول</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>مكتمل</translation>
    </message>
    <message>
      <source>In consultation</source>
      <translation>في الاستشارة</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>No show</source>
      <translation>لم يحضر</translation>
    </message>
    <message>
      <source>Loading appointments…</source>
      <translation>جارٍ تحميل المواعيد…</translation>
    </message>
    <message>
      <source>Override</source>
      <translation>تجاوز</translation>
    </message>
    <message>
      <source>Export the eligibility review</source>
      <translation>تصدير مراجعة الأهلية</translation>
    </message>
    <message>
      <source>Eligibility review</source>
      <translation>مراجعة الأهلية</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>تصدير CSV…</translation>
    </message>
    <message>
      <source>Save the appointments matching the filters, with their eligibility (up to {limit})</source>
      <translation>حفظ المواعيد المطابقة لعوامل التصفية مع أهليتها (حتى {limit})</translation>
    </message>
    <message>
      <source>Appointments with the eligibility the last check gave them (DHA at the desk, or OpenDental coverage). An administrator can override it with a reason; the override is kept on the appointment and in the insurance audit log.</source>
      <translation>المواعيد مع الأهلية التي أعطاها آخر تحقق (DHA عند مكتب الاستقبال، أو تغطية OpenDental). يمكن للمسؤول تجاوزها مع ذكر السبب؛ ويُحفظ التجاوز في الموعد وفي سجل تدقيق التأمين.</translation>
    </message>
    <message>
      <source>Every status</source>
      <translation>كل الحالات</translation>
    </message>
    <message>
      <source>Appointments from</source>
      <translation>المواعيد من</translation>
    </message>
    <message>
      <source>Appointments to</source>
      <translation>المواعيد حتى</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>تطبيق</translation>
    </message>
    <message>
      <source>From</source>
      <translation>من</translation>
    </message>
    <message>
      <source>to</source>
      <translation>إلى</translation>
    </message>
    <message>
      <source>Exporting the eligibility review…</source>
      <translation>جارٍ تصدير مراجعة الأهلية…</translation>
    </message>
    <message>
      <source>Exported 1 appointment to {path}.</source>
      <translation>صُدّر موعد واحد إلى {path}.</translation>
    </message>
    <message>
      <source>Exported {rows} appointments to {path}.</source>
      <translation>صُدّر {rows} موعداً إلى {path}.</translation>
    </message>
    <message>
      <source>Exported the first {rows} appointments to {path}; narrow the dates to export the rest.</source>
      <translation>صُدّرت أول {rows} مواعيد إلى {path}؛ ضيّق نطاق التواريخ لتصدير الباقي.</translation>
    </message>
    <message>
      <source>Eligibility payload</source>
      <translation>بيانات الأهلية</translation>
    </message>
    <message>
      <source>Override: eligible…</source>
      <translation>تجاوز: مؤهَّل…</translation>
    </message>
    <message>
      <source>Override: not eligible…</source>
      <translation>تجاوز: غير مؤهَّل…</translation>
    </message>
    <message>
      <source>The date range ends before it starts; swap the dates.</source>
      <translation>نطاق التواريخ ينتهي قبل أن يبدأ؛ بدّل التاريخين.</translation>
    </message>
    <message>
      <source>Appointments {first}–{last}, earliest first</source>
      <translation>المواعيد {first}–{last}، الأقدم أولاً</translation>
    </message>
    <message>
      <source>No appointments match these filters.</source>
      <translation>لا توجد مواعيد تطابق عوامل التصفية هذه.</translation>
    </message>
    <message>
      <source>Select an appointment to read its eligibility.</source>
      <translation>اختر موعداً لقراءة أهليته.</translation>
    </message>
    <message>
      <source>{patient} — {when}, {department}: {verdict}</source>
      <translation>{patient} — {when}، {department}: {verdict}</translation>
    </message>
    <message>
      <source>Payload</source>
      <translation>البيانات</translation>
    </message>
    <message>
      <source>nothing recorded yet (not checked)</source>
      <translation>لم يُسجَّل شيء بعد (لم يتم التحقق)</translation>
    </message>
    <message>
      <source>Override: eligible</source>
      <translation>تجاوز: مؤهَّل</translation>
    </message>
    <message>
      <source>Override: not eligible</source>
      <translation>تجاوز: غير مؤهَّل</translation>
    </message>
    <message>
      <source>Mark the appointment of {patient} on {day} eligible (it is now {now}). Why? The reason goes into the insurance audit log.</source>
      <translation>تعيين موعد {patient} بتاريخ {day} كمؤهَّل (حالته الآن: {now}). ما السبب؟ يُسجَّل السبب في سجل تدقيق التأمين.</translation>
    </message>
    <message>
      <source>Mark the appointment of {patient} on {day} not eligible (it is now {now}). Why? The reason goes into the insurance audit log.</source>
      <translation>تعيين موعد {patient} بتاريخ {day} كغير مؤهَّل (حالته الآن: {now}). ما السبب؟ يُسجَّل السبب في سجل تدقيق التأمين.</translation>
    </message>
    <message>
      <source>{patient}'s appointment is now eligible (overridden); the audit log has the reason.</source>
      <translation>موعد {patient} الآن مؤهَّل (بالتجاوز)؛ والسبب مسجّل في سجل التدقيق.</translation>
    </message>
    <message>
      <source>{patient}'s appointment is now not eligible (overridden); the audit log has the reason.</source>
      <translation>موعد {patient} الآن غير مؤهَّل (بالتجاوز)؛ والسبب مسجّل في سجل التدقيق.</translation>
    </message>
  </context>
</TS>
