<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Connection</source>
      <translation>الاتصال</translation>
    </message>
    <message>
      <source>Job</source>
      <translation>المهمة</translation>
    </message>
    <message>
      <source>Last run</source>
      <translation>آخر تشغيل</translation>
    </message>
    <message>
      <source>Last success</source>
      <translation>آخر نجاح</translation>
    </message>
    <message>
      <source>State</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Last error</source>
      <translation>آخر خطأ</translation>
    </message>
    <message>
      <source>Next run</source>
      <translation>التشغيل التالي</translation>
    </message>
    <message>
      <source>Read</source>
      <translation>المقروءة</translation>
    </message>
    <message>
      <source>Watermark</source>
      <translation>علامة التقدم</translation>
    </message>
    <message>
      <source>Written</source>
      <translation>المكتوبة</translation>
    </message>
    <message>
      <source>DHA eligibility refresh (today and tomorrow)</source>
      <translation>تحديث الأهلية عبر DHA (اليوم والغد)</translation>
    </message>
    <message>
      <source>Heartbeat (activity log)</source>
      <translation>نبض النظام (سجل النشاط)</translation>
    </message>
    <message>
      <source>Today's appointments</source>
      <translation>مواعيد اليوم</translation>
    </message>
    <message>
      <source>Upcoming appointments (next 7 days)</source>
      <translation>المواعيد القادمة (7 أيام)</translation>
    </message>
    <message>
      <source>Completed appointments and procedures (last 7 days)</source>
      <translation>المواعيد والإجراءات المكتملة (آخر 7 أيام)</translation>
    </message>
    <message>
      <source>Claim status</source>
      <translation>حالة المطالبات</translation>
    </message>
    <message>
      <source>Eligibility (OpenDental coverage)</source>
      <translation>الأهلية (تغطية OpenDental)</translation>
    </message>
    <message>
      <source>Payment posting</source>
      <translation>ترحيل المدفوعات</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>قيد التشغيل</translation>
    </message>
    <message>
      <source>Never run</source>
      <translation>لم تُشغَّل قط</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>فشل</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>سليم</translation>
    </message>
    <message>
      <source>{job}: skipped, it is running on another workstation.</source>
      <translation>{job}: تم التخطي، فهي قيد التشغيل على محطة عمل أخرى.</translation>
    </message>
    <message>
      <source>{job}: {read} rows read, {written} written in {seconds} s</source>
      <translation>{job}: الصفوف المقروءة {read}، والمكتوبة {written}، خلال {seconds} ثانية</translation>
    </message>
    <message>
      <source>{job}: {read} rows read, {written} written</source>
      <translation>{job}: الصفوف المقروءة {read}، والمكتوبة {written}</translation>
    </message>
    <message>
      <source>{summary}; FAILED: {error}</source>
      <translation>{summary}؛ فشل: {error}</translation>
    </message>
    <message>
      <source>{summary}.</source>
      <translation>{summary}.</translation>
    </message>
    <message>
      <source>{job}: nothing to run (no active OpenDental connection).</source>
      <translation>{job}: لا يوجد ما يُشغَّل (لا يوجد اتصال OpenDental نشط).</translation>
    </message>
    <message>
      <source>Sync status</source>
      <translation>حالة المزامنة</translation>
    </message>
    <message>
      <source>What the background sync has done for each OpenDental job: one workstation runs each job at a time. Refreshes every {seconds} s.</source>
      <translation>ما أنجزته المزامنة في الخلفية لكل مهمة من مهام OpenDental: تشغّل محطة عمل واحدة كل مهمة في كل مرة. يتم التحديث كل {seconds} ثانية.</translation>
    </message>
    <message>
      <source>Sync result</source>
      <translation>نتيجة المزامنة</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>جارٍ التحميل…</translation>
    </message>
    <message>
      <source>Sync jobs</source>
      <translation>مهام المزامنة</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>مزامنة الآن</translation>
    </message>
    <message>
      <source>Run the selected job now on this workstation</source>
      <translation>تشغيل المهمة المحددة الآن على محطة العمل هذه</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>تحديث</translation>
    </message>
    <message>
      <source>Last error of the selected job</source>
      <translation>آخر خطأ للمهمة المحددة</translation>
    </message>
    <message>
      <source>Select a job and press Sync now to run it on this workstation.</source>
      <translation>اختر مهمة واضغط «مزامنة الآن» لتشغيلها على محطة العمل هذه.</translation>
    </message>
    <message>
      <source>The OpenDental sync is not part of this installation.</source>
      <translation>مزامنة OpenDental ليست ضمن هذا التثبيت.</translation>
    </message>
    <message>
      <source>Hospital-wide</source>
      <translation>على مستوى المستشفى</translation>
    </message>
    <message>
      <source>{connection} (SIMULATED)</source>
      <translation>{connection} (محاكاة)</translation>
    </message>
    <message>
      <source>never</source>
      <translation>أبدًا</translation>
    </message>
    <message>
      <source>{text} — runs {cadence}</source>
      <translation>{text} — يعمل {cadence}</translation>
    </message>
    <message>
      <source>Syncing {job}…</source>
      <translation>جارٍ مزامنة {job}…</translation>
    </message>
    <message>
      <source>Running {job} now… the table keeps refreshing while it runs.</source>
      <translation>جارٍ تشغيل {job} الآن… يستمر تحديث الجدول أثناء التشغيل.</translation>
    </message>
    <message>
      <source>{job}: {error}</source>
      <translation>{job}: {error}</translation>
    </message>
  </context>
</TS>
