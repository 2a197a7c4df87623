<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{weekday} {day} {month} {year}</source>
      <translation>{weekday} {day} {month} {year}</translation>
    </message>
    <message>
      <source>OPD Queue</source>
      <translation>قائمة الانتظار</translation>
    </message>
    <message>
      <source>Loading the queue…</source>
      <translation>جارٍ تحميل قائمة الانتظار…</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>تحديث</translation>
    </message>
    <message>
      <source>Reload today's appointments {keys}</source>
      <translation>إعادة تحميل مواعيد اليوم {keys}</translation>
    </message>
    <message>
      <source>Search name, MRN or Emirates ID  {keys}</source>
      <translation>ابحث بالاسم أو رقم الملف الطبي أو الهوية الإماراتية  {keys}</translation>
    </message>
    <message>
      <source>Down moves into the list; Enter checks in the only match</source>
      <translation>السهم للأسفل ينقلك إلى القائمة؛ Enter يسجّل وصول النتيجة الوحيدة</translation>
    </message>
    <message>
      <source>Search patients</source>
      <translation>البحث عن المرضى</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>القسم</translation>
    </message>
    <message>
      <source>All departments</source>
      <translation>جميع الأقسام</translation>
    </message>
    <message>
      <source>Doctor</source>
      <translation>الطبيب</translation>
    </message>
    <message>
      <source>All doctors</source>
      <translation>جميع الأطباء</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Today's Appointments</source>
      <translation>مواعيد اليوم</translation>
    </message>
    <message>
      <source>Live Queue</source>
      <translation>قائمة الانتظار المباشرة</translation>
    </message>
    <message>
      <source>Check In</source>
      <translation>تسجيل الوصول</translation>
    </message>
    <message>
      <source>Open the copay step and check the patient in (Enter or {keys})</source>
      <translation>فتح خطوة نسبة التحمل وتسجيل وصول المريض (Enter أو {keys})</translation>
    </message>
    <message>
      <source>Record Vitals</source>
      <translation>تسجيل العلامات الحيوية</translation>
    </message>
    <message>
      <source>Record blood pressure, heart rate, temperature… {keys}</source>
      <translation>تسجيل ضغط الدم ومعدل النبض ودرجة الحرارة… {keys}</translation>
    </message>
    <message>
      <source>Start Consultation</source>
      <translation>بدء الاستشارة</translation>
    </message>
    <message>
      <source>The doctor starts seeing the patient {keys}</source>
      <translation>يبدأ الطبيب بمعاينة المريض {keys}</translation>
    </message>
    <message>
      <source>Complete</source>
      <translation>إنهاء</translation>
    </message>
    <message>
      <source>The consultation is finished {keys}</source>
      <translation>انتهت الاستشارة {keys}</translation>
    </message>
    <message>
      <source>Payments…</source>
      <translation>المدفوعات…</translation>
    </message>
    <message>
      <source>The patient's copay payments: reprint, save or email a receipt {keys}</source>
      <translation>مدفوعات المريض من نسبة التحمل: إعادة طباعة الإيصال أو حفظه أو إرساله بالبريد الإلكتروني {keys}</translation>
    </message>
    <message>
      <source>Queue</source>
      <translation>قائمة الانتظار</translation>
    </message>
    <message>
      <source>Updated {time}</source>
      <translation>آخر تحديث {time}</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>جميع الحالات</translation>
    </message>
    <message>
      <source>Today's Appointments ({count})</source>
      <translation>مواعيد اليوم ({count})</translation>
    </message>
    <message>
      <source>Live Queue ({count})</source>
      <translation>قائمة الانتظار المباشرة ({count})</translation>
    </message>
    <message>
      <source>No patient selected.</source>
      <translation>لم يتم تحديد مريض.</translation>
    </message>
    <message>
      <source>Check-in is done by reception.</source>
      <translation>يتم تسجيل الوصول من قبل الاستقبال.</translation>
    </message>
    <message>
      <source>{name} · {mrn} · {insurer}</source>
      <translation>{name} · {mrn} · {insurer}</translation>
    </message>
    <message>
      <source>{name} · {mrn} · self-pay</source>
      <translation>{name} · {mrn} · على نفقته الخاصة</translation>
    </message>
    <message>
      <source>{name} is insured with {insurer}; the policy is checked in the copay step ({keys}).</source>
      <translation>المريض {name} مؤمَّن لدى {insurer}؛ يتم التحقق من الوثيقة في خطوة نسبة التحمل ({keys}).</translation>
    </message>
    <message>
      <source>Appointment {id}</source>
      <translation>الموعد {id}</translation>
    </message>
    <message>
      <source>{name} checked in — token {token}.</source>
      <translation>تم تسجيل وصول {name} — الرقم {token}.</translation>
    </message>
    <message>
      <source>Vitals recorded</source>
      <translation>تم تسجيل العلامات الحيوية</translation>
    </message>
    <message>
      <source>Consultation started</source>
      <translation>بدأت الاستشارة</translation>
    </message>
    <message>
      <source>Consultation completed</source>
      <translation>اكتملت الاستشارة</translation>
    </message>
    <message>
      <source>{done} — {name}.</source>
      <translation>{done} — {name}.</translation>
    </message>
    <message>
      <source>{done}.</source>
      <translation>{done}.</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
      <source>Row colours:</source>
      <translation>ألوان الصفوف:</translation>
    </message>
  </context>
</TS>
