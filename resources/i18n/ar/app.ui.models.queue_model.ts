<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Department</source>
      <translation>القسم</translation>
    </message>
    <message>
      <source>Doctor</source>
      <translation>الطبيب</translation>
    </message>
    <message>
      <source>MRN</source>
      <translation>رقم الملف الطبي</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>المريض</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>الوقت</translation>
    </message>
    <message>
      <source>Token</source>
      <translation>الرقم</translation>
    </message>
    <message>
      <source>Copay</source>
      <translation>نسبة التحمل</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>الزيارة</translation>
    </message>
    <message>
      <source>Waiting</source>
      <translation>الانتظار</translation>
    </message>
    <message>
      <source>Scheduled</source>
      <translation>مجدول</translation>
    </message>
    <message>
      <source>Confirmed</source>
      <translation>مؤكد</translation>
    </message>
    <message>
      <source>Awaiting vitals</source>
      <translation>بانتظار العلامات الحيوية</translation>
    </message>
    <message>
      <source>Ready for doctor</source>
      <translation>جاهز للطبيب</translation>
    </message>
    <message>
      <source>In consultation</source>
      <translation>في الاستشارة</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>مكتمل</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>No-show</source>
      <translation>لم يحضر</translation>
    </message>
    <message>
      <source>To check in</source>
      <translation>بانتظار تسجيل الوصول</translation>
    </message>
    <message>
      <source>Cancelled / No-show</source>
      <translation>ملغى / لم يحضر</translation>
    </message>
    <message>
      <source>Consultation</source>
      <translation>استشارة</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>متابعة</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>طوارئ</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>معلّق</translation>
    </message>
    <message>
      <source>Collected</source>
      <translation>محصّل</translation>
    </message>
    <message>
      <source>Waived</source>
      <translation>مُعفى</translation>
    </message>
    <message>
      <source>Deferred</source>
      <translation>مؤجل</translation>
    </message>
    <message>
      <source>In consultation (no vitals)</source>
      <translation>في الاستشارة (بدون علامات حيوية)</translation>
    </message>
    <message>
      <source>{status} · {amount}</source>
      <translation>{status} · {amount}</translation>
    </message>
    <message>
      <source>{minutes} min</source>
      <translation>{minutes} د</translation>
    </message>
    <message>
      <source>{hours} h {minutes} min</source>
      <translation>{hours} س {minutes} د</translation>
    </message>
    <message>
      <source>{visit} · EMERGENCY</source>
      <translation>{visit} · طوارئ</translation>
    </message>
    <message>
      <source>no Emirates ID on file</source>
      <translation>لا توجد هوية إماراتية مسجلة</translation>
    </message>
    <message>
      <source>no insurance (self-pay)</source>
      <translation>لا يوجد تأمين (على نفقته الخاصة)</translation>
    </message>
    <message>
      <source>{name} · {mrn}
Emirates ID: {eid}
Insurance: {insurer}</source>
      <translation>{name} · {mrn}
الهوية الإماراتية: {eid}
التأمين: {insurer}</translation>
    </message>
    <message>
      <source>Waiting since check-in (updated every 30 seconds)</source>
      <translation>الانتظار منذ تسجيل الوصول (يُحدَّث كل 30 ثانية)</translation>
    </message>
    <message>
      <source>Waited this long between check-in and the consultation</source>
      <translation>مدة الانتظار بين تسجيل الوصول والاستشارة</translation>
    </message>
    <message>
      <source>The consultation started before vitals were recorded</source>
      <translation>بدأت الاستشارة قبل تسجيل العلامات الحيوية</translation>
    </message>
  </context>
</TS>
