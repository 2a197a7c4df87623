<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{keys} or {key}</source>
      <translation>{keys} أو {key}</translation>
    </message>
    <message>
      <source>({keys})</source>
      <translation>({keys})</translation>
    </message>
    <message>
      <source>Open {page}</source>
      <translation>فتح صفحة {page}</translation>
    </message>
    <message>
      <source>Everywhere</source>
      <translation>في كل مكان</translation>
    </message>
    <message>
      <source>OPD Queue</source>
      <translation>قائمة الانتظار</translation>
    </message>
    <message>
      <source>This list of keyboard shortcuts (Help → Keyboard shortcuts)</source>
      <translation>قائمة اختصارات لوحة المفاتيح هذه (مساعدة ← اختصارات لوحة المفاتيح)</translation>
    </message>
    <message>
      <source>Lock this workstation</source>
      <translation>قفل محطة العمل هذه</translation>
    </message>
    <message>
      <source>Search by name, MRN or Emirates ID; Down moves into the list, Enter acts on the only match</source>
      <translation>البحث بالاسم أو رقم الملف الطبي أو الهوية الإماراتية؛ السهم للأسفل ينقلك إلى القائمة، وEnter ينفّذ على النتيجة الوحيدة</translation>
    </message>
    <message>
      <source>Reload today's appointments</source>
      <translation>إعادة تحميل مواعيد اليوم</translation>
    </message>
    <message>
      <source>Switch between Today's Appointments and the Live Queue</source>
      <translation>التبديل بين مواعيد اليوم وقائمة الانتظار المباشرة</translation>
    </message>
    <message>
      <source>On Today's Appointments: check in the selected patient; on the Live Queue: the row's next step (vitals, start, complete)</source>
      <translation>في مواعيد اليوم: تسجيل وصول المريض المحدد؛ في قائمة الانتظار المباشرة: الخطوة التالية للصف (العلامات الحيوية، البدء، الإنهاء)</translation>
    </message>
    <message>
      <source>From the search box into the list</source>
      <translation>من مربع البحث إلى القائمة</translation>
    </message>
    <message>
      <source>Check in the selected patient: collect, waive or defer the copay (Enter does it on Today's Appointments)</source>
      <translation>تسجيل وصول المريض المحدد: تحصيل المبلغ المستحق على المريض أو الإعفاء منه أو تأجيله (يقوم Enter بذلك في مواعيد اليوم)</translation>
    </message>
    <message>
      <source>Record vitals (Live Queue)</source>
      <translation>تسجيل العلامات الحيوية (قائمة الانتظار المباشرة)</translation>
    </message>
    <message>
      <source>Start the consultation (Live Queue)</source>
      <translation>بدء الاستشارة (قائمة الانتظار المباشرة)</translation>
    </message>
    <message>
      <source>Complete the consultation (Live Queue)</source>
      <translation>إنهاء الاستشارة (قائمة الانتظار المباشرة)</translation>
    </message>
    <message>
      <source>Payment history: reprint, save or email a receipt</source>
      <translation>سجل المدفوعات: إعادة طباعة الإيصال أو حفظه أو إرساله بالبريد الإلكتروني</translation>
    </message>
    <message>
      <source>Add insurance for a self-pay patient</source>
      <translation>إضافة تأمين لمريض يدفع على نفقته الخاصة</translation>
    </message>
    <message>
      <source>Find the patient (Emirates ID, name, phone or MRN)</source>
      <translation>البحث عن المريض (الهوية الإماراتية أو الاسم أو الهاتف أو رقم الملف الطبي)</translation>
    </message>
    <message>
      <source>Walk-in</source>
      <translation>المراجعون بدون موعد</translation>
    </message>
  </context>
</TS>
