<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Stored — type to replace</source>
      <translation>محفوظ — اكتب للاستبدال</translation>
    </message>
    <message>
      <source>None stored</source>
      <translation>لا يوجد شيء محفوظ</translation>
    </message>
    <message>
      <source>Not needed (simulated)</source>
      <translation>غير مطلوب (محاكاة)</translation>
    </message>
    <message>
      <source>Cloud — OpenDental's API through the clinic's eConnector</source>
      <translation>سحابي — واجهة OpenDental البرمجية عبر eConnector الخاص بالعيادة</translation>
    </message>
    <message>
      <source>Local — the Local API on this computer</source>
      <translation>محلي — الواجهة البرمجية المحلية على هذا الحاسوب</translation>
    </message>
    <message>
      <source>Service — the API Service on the clinic network</source>
      <translation>خدمة — خدمة الواجهة البرمجية على شبكة العيادة</translation>
    </message>
    <message>
      <source>Sandbox — ClinicDesk's simulated practice (demo, training)</source>
      <translation>بيئة تجريبية — ممارسة محاكاة من ClinicDesk (للعرض والتدريب)</translation>
    </message>
    <message>
      <source>Cloud</source>
      <translation>سحابي</translation>
    </message>
    <message>
      <source>Local</source>
      <translation>محلي</translation>
    </message>
    <message>
      <source>Sandbox</source>
      <translation>بيئة تجريبية</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>خدمة</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>العنوان</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>المفاتيح</translation>
    </message>
    <message>
      <source>Last test</source>
      <translation>آخر اختبار</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>الوضع</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>اليوم</translation>
    </message>
    <message>
      <source>Upcoming (7 days)</source>
      <translation>القادمة (7 أيام)</translation>
    </message>
    <message>
      <source>Completed (7 days)</source>
      <translation>المكتملة (7 أيام)</translation>
    </message>
    <message>
      <source>Eligibility</source>
      <translation>الأهلية</translation>
    </message>
    <message>
      <source>Claim status</source>
      <translation>حالة المطالبات</translation>
    </message>
    <message>
      <source>Payments</source>
      <translation>المدفوعات</translation>
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
      <source>Completed appointments (last 7 days)</source>
      <translation>المواعيد المكتملة (آخر 7 أيام)</translation>
    </message>
    <message>
      <source>Eligibility (coverage)</source>
      <translation>الأهلية (التغطية)</translation>
    </message>
    <message>
      <source>Payment posting</source>
      <translation>ترحيل المدفوعات</translation>
    </message>
    <message>
      <source>Kept in this computer's keyring and never shown here; leave it empty to keep the stored key.</source>
      <translation>يُحفظ في سلسلة مفاتيح هذا الحاسوب ولا يُعرض هنا أبدًا؛ اتركه فارغًا للإبقاء على المفتاح المحفوظ.</translation>
    </message>
    <message>
      <source>never</source>
      <translation>أبدًا</translation>
    </message>
    <message>
      <source>Each connection is one OpenDental database this hospital keeps in step with. The API keys are kept in this computer's keyring, never in the database: enter them on every workstation that runs the sync.</source>
      <translation>كل اتصال هو قاعدة بيانات OpenDental واحدة يزامنها هذا المستشفى. تُحفظ مفاتيح الواجهة البرمجية في سلسلة مفاتيح هذا الحاسوب وليس في قاعدة البيانات أبدًا: أدخلها على كل محطة عمل تشغّل المزامنة.</translation>
    </message>
    <message>
      <source>OpenDental connections</source>
      <translation>اتصالات OpenDental</translation>
    </message>
    <message>
      <source>Add connection</source>
      <translation>إضافة اتصال</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>إزالة</translation>
    </message>
    <message>
      <source>Delete the connection, or deactivate it when synced data refers to it</source>
      <translation>حذف الاتصال، أو إيقافه إذا كانت هناك بيانات متزامنة تشير إليه</translation>
    </message>
    <message>
      <source>New connection</source>
      <translation>اتصال جديد</translation>
    </message>
    <message>
      <source>e.g. Jumeirah Dental</source>
      <translation>مثال: Jumeirah Dental</translation>
    </message>
    <message>
      <source>OpenDental developer key</source>
      <translation>مفتاح مطوّر OpenDental</translation>
    </message>
    <message>
      <source>OpenDental customer key</source>
      <translation>مفتاح عميل OpenDental</translation>
    </message>
    <message>
      <source>All clinics</source>
      <translation>جميع العيادات</translation>
    </message>
    <message>
      <source>OpenDental's ClinicNum when the practice uses clinics; empty for all</source>
      <translation>رقم العيادة (ClinicNum) في OpenDental إذا كانت الممارسة تستخدم العيادات؛ فارغ للجميع</translation>
    </message>
    <message>
      <source>requests/s</source>
      <translation>طلب/ثانية</translation>
    </message>
    <message>
      <source>OpenDental throttles each customer key; 1 per second is the usual tier, 0.2 the free read-only one</source>
      <translation>يحدّ OpenDental معدل الطلبات لكل مفتاح عميل؛ 1 في الثانية هو المستوى المعتاد، و0.2 للمستوى المجاني للقراءة فقط</translation>
    </message>
    <message>
      <source>Sync this connection</source>
      <translation>مزامنة هذا الاتصال</translation>
    </message>
    <message>
      <source>Base URL</source>
      <translation>العنوان الأساسي (URL)</translation>
    </message>
    <message>
      <source>Developer key</source>
      <translation>مفتاح المطوّر</translation>
    </message>
    <message>
      <source>Customer key</source>
      <translation>مفتاح العميل</translation>
    </message>
    <message>
      <source>ClinicNum</source>
      <translation>رقم العيادة (ClinicNum)</translation>
    </message>
    <message>
      <source>Timezone</source>
      <translation>المنطقة الزمنية</translation>
    </message>
    <message>
      <source>Rate limit</source>
      <translation>حد المعدل</translation>
    </message>
    <message>
      <source>Polling cadence (minutes)</source>
      <translation>وتيرة الاستعلام (بالدقائق)</translation>
    </message>
    <message>
      <source>min</source>
      <translation>دقيقة</translation>
    </message>
    <message>
      <source>Cadence of {job}</source>
      <translation>وتيرة {job}</translation>
    </message>
    <message>
      <source>Default: hourly at :15; another value runs it every that many minutes</source>
      <translation>الافتراضي: كل ساعة عند الدقيقة 15؛ أي قيمة أخرى تشغّله كل هذا العدد من الدقائق</translation>
    </message>
    <message>
      <source>Default {minutes} min</source>
      <translation>الافتراضي {minutes} دقيقة</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>حفظ</translation>
    </message>
    <message>
      <source>Clear keys</source>
      <translation>مسح المفاتيح</translation>
    </message>
    <message>
      <source>Remove this connection's keys from this computer's keyring</source>
      <translation>إزالة مفاتيح هذا الاتصال من سلسلة مفاتيح هذا الحاسوب</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>اختبار الاتصال</translation>
    </message>
    <message>
      <source>Ask OpenDental for one appointment with the saved address and keys</source>
      <translation>طلب موعد واحد من OpenDental بالعنوان والمفاتيح المحفوظة</translation>
    </message>
    <message>
      <source>Test result</source>
      <translation>نتيجة الاختبار</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Connection</source>
      <translation>الاتصال</translation>
    </message>
    <message>
      <source>Simulated</source>
      <translation>محاكاة</translation>
    </message>
    <message>
      <source>Stored</source>
      <translation>محفوظة</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>غير موجودة</translation>
    </message>
    <message>
      <source>{result} · {when}</source>
      <translation>{result} · {when}</translation>
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
      <source>{name} (inactive)</source>
      <translation>{name} (غير نشط)</translation>
    </message>
    <message>
      <source>Last test {when}: {result}</source>
      <translation>آخر اختبار {when}: {result}</translation>
    </message>
    <message>
      <source>built-in simulator</source>
      <translation>المحاكي المدمج</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
      <source>'{name}' saved. The keys are stored in this computer's keyring.</source>
      <translation>تم حفظ '{name}'. المفاتيح محفوظة في سلسلة مفاتيح هذا الحاسوب.</translation>
    </message>
    <message>
      <source>'{name}' saved.</source>
      <translation>تم حفظ '{name}'.</translation>
    </message>
    <message>
      <source>this connection</source>
      <translation>هذا الاتصال</translation>
    </message>
    <message>
      <source>Remove the OpenDental connection '{name}'?

If data was already synced through it, it is deactivated instead (the sync stops, the history stays).</source>
      <translation>هل تريد إزالة اتصال OpenDental '{name}'؟

إذا سبقت مزامنة بيانات عبره، فسيتم إيقافه بدلًا من ذلك (تتوقف المزامنة ويبقى السجل).</translation>
    </message>
    <message>
      <source>The keys were removed from this computer's keyring.</source>
      <translation>أُزيلت المفاتيح من سلسلة مفاتيح هذا الحاسوب.</translation>
    </message>
    <message>
      <source>Testing… asking OpenDental for one appointment.</source>
      <translation>جارٍ الاختبار… طلب موعد واحد من OpenDental.</translation>
    </message>
    <message>
      <source>no HTTP answer</source>
      <translation>لا يوجد رد HTTP</translation>
    </message>
    <message>
      <source>({code}, after {ms} ms)</source>
      <translation>({code}، بعد {ms} مللي ثانية)</translation>
    </message>
    <message>
      <source>Remove connection</source>
      <translation>إزالة الاتصال</translation>
    </message>
  </context>
</TS>
