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
      <source>Not configured — manual verification</source>
      <translation>غير مهيأ — تحقق يدوي</translation>
    </message>
    <message>
      <source>Simulated — built-in sandbox (demo, training)</source>
      <translation>محاكاة — بيئة تجريبية مدمجة (للعرض والتدريب)</translation>
    </message>
    <message>
      <source>DHA test environment</source>
      <translation>بيئة اختبار DHA</translation>
    </message>
    <message>
      <source>DHA production (live)</source>
      <translation>بيئة DHA الفعلية (مباشر)</translation>
    </message>
    <message>
      <source>Western (0123456789)</source>
      <translation>غربية (0123456789)</translation>
    </message>
    <message>
      <source>Arabic-Indic (٠١٢٣٤٥٦٧٨٩)</source>
      <translation>هندية عربية (٠١٢٣٤٥٦٧٨٩)</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>الإعدادات</translation>
    </message>
    <message>
      <source>s</source>
      <translation>ثانية</translation>
    </message>
    <message>
      <source>DHA password or API key</source>
      <translation>كلمة مرور DHA أو مفتاح الواجهة البرمجية</translation>
    </message>
    <message>
      <source>Kept in this computer's keyring and never shown here; leave it empty to keep the stored one.</source>
      <translation>تُحفظ في سلسلة مفاتيح هذا الحاسوب ولا تُعرض هنا أبدًا؛ اتركها فارغة للإبقاء على المحفوظة.</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>الوضع</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>العنوان</translation>
    </message>
    <message>
      <source>Timeout</source>
      <translation>مهلة الانتظار</translation>
    </message>
    <message>
      <source>Facility ID</source>
      <translation>معرّف المنشأة</translation>
    </message>
    <message>
      <source>Facility licence</source>
      <translation>ترخيص المنشأة</translation>
    </message>
    <message>
      <source>Login</source>
      <translation>اسم الدخول</translation>
    </message>
    <message>
      <source>Password / API key</source>
      <translation>كلمة المرور / مفتاح الواجهة البرمجية</translation>
    </message>
    <message>
      <source>Save credentials</source>
      <translation>حفظ بيانات الاعتماد</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>اختبار الاتصال</translation>
    </message>
    <message>
      <source>DHA eClaimLink eligibility</source>
      <translation>التحقق من الأهلية عبر DHA eClaimLink</translation>
    </message>
    <message>
      <source>Use STARTTLS</source>
      <translation>استخدام STARTTLS</translation>
    </message>
    <message>
      <source>Mail server password</source>
      <translation>كلمة مرور خادم البريد</translation>
    </message>
    <message>
      <source>Kept in this computer's keyring and never shown here. Type a new one and save the settings to replace it.</source>
      <translation>تُحفظ في سلسلة مفاتيح هذا الحاسوب ولا تُعرض هنا أبدًا. اكتب كلمة جديدة واحفظ الإعدادات لاستبدالها.</translation>
    </message>
    <message>
      <source>Send the test email to</source>
      <translation>إرسال رسالة الاختبار إلى</translation>
    </message>
    <message>
      <source>Mail server</source>
      <translation>خادم البريد</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>المنفذ</translation>
    </message>
    <message>
      <source>Sender address</source>
      <translation>عنوان المرسل</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>اسم المستخدم</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>كلمة المرور</translation>
    </message>
    <message>
      <source>Test email to</source>
      <translation>رسالة الاختبار إلى</translation>
    </message>
    <message>
      <source>Clear password</source>
      <translation>مسح كلمة المرور</translation>
    </message>
    <message>
      <source>Remove the stored mail password from this computer's keyring</source>
      <translation>إزالة كلمة مرور البريد المحفوظة من سلسلة مفاتيح هذا الحاسوب</translation>
    </message>
    <message>
      <source>Send test email</source>
      <translation>إرسال رسالة اختبار</translation>
    </message>
    <message>
      <source>Emailed receipts</source>
      <translation>الإيصالات المرسلة بالبريد الإلكتروني</translation>
    </message>
    <message>
      <source>min</source>
      <translation>دقيقة</translation>
    </message>
    <message>
      <source>Every workstation of the hospital locks after this long without keyboard or mouse input; signing in again opens a new session.</source>
      <translation>تُقفل كل محطة عمل في المستشفى بعد هذه المدة دون استخدام لوحة المفاتيح أو الفأرة؛ وتسجيل الدخول مجددًا يفتح جلسة جديدة.</translation>
    </message>
    <message>
      <source>h</source>
      <translation>ساعة</translation>
    </message>
    <message>
      <source>However active the desk, a sign-in stops working after this long and the user signs in again.</source>
      <translation>مهما كان نشاط المحطة، يتوقف تسجيل الدخول بعد هذه المدة ويسجّل المستخدم دخوله مجددًا.</translation>
    </message>
    <message>
      <source>Digits in the Arabic interface</source>
      <translation>الأرقام في الواجهة العربية</translation>
    </message>
    <message>
      <source>How numbers, amounts and dates are written when the interface is in Arabic; applies from the next sign-in.</source>
      <translation>طريقة كتابة الأرقام والمبالغ والتواريخ عندما تكون الواجهة بالعربية؛ تُطبَّق من تسجيل الدخول التالي.</translation>
    </message>
    <message>
      <source>Lock after inactivity</source>
      <translation>القفل بعد عدم النشاط</translation>
    </message>
    <message>
      <source>Sign-in lasts at most</source>
      <translation>أقصى مدة لتسجيل الدخول</translation>
    </message>
    <message>
      <source>Digits in Arabic</source>
      <translation>الأرقام في الواجهة العربية</translation>
    </message>
    <message>
      <source>Workstations</source>
      <translation>محطات العمل</translation>
    </message>
    <message>
      <source>The approver may not be the person who asked</source>
      <translation>لا يجوز أن يكون المعتمِد هو مقدّم الطلب</translation>
    </message>
    <message>
      <source>The person paying out may not be the approver</source>
      <translation>لا يجوز أن يكون الصارف هو المعتمِد</translation>
    </message>
    <message>
      <source>Maker-checker threshold</source>
      <translation>حد مبدأ الشخص الثاني</translation>
    </message>
    <message>
      <source>The two rules apply to refunds of more than this amount; 0 applies them to every refund.</source>
      <translation>تُطبَّق القاعدتان على المبالغ المستردة التي تتجاوز هذا المبلغ؛ والقيمة 0 تطبّقهما على كل استرداد.</translation>
    </message>
    <message>
      <source>For refunds over</source>
      <translation>للمبالغ المستردة التي تتجاوز</translation>
    </message>
    <message>
      <source>Refunds: second person (maker-checker)</source>
      <translation>المبالغ المستردة: شخص ثانٍ (مبدأ المُنشئ والمُدقق)</translation>
    </message>
    <message>
      <source>Save settings</source>
      <translation>حفظ الإعدادات</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>جارٍ التحميل…</translation>
    </message>
    <message>
      <source>Enter the mail server user name the password belongs to.</source>
      <translation>أدخل اسم مستخدم خادم البريد الذي تخصه كلمة المرور.</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
      <source>Settings saved; the mail password is stored in this computer's keyring.</source>
      <translation>حُفظت الإعدادات؛ كلمة مرور البريد محفوظة في سلسلة مفاتيح هذا الحاسوب.</translation>
    </message>
    <message>
      <source>Settings saved.</source>
      <translation>حُفظت الإعدادات.</translation>
    </message>
    <message>
      <source>Removing the mail password…</source>
      <translation>جارٍ إزالة كلمة مرور البريد…</translation>
    </message>
    <message>
      <source>The mail password was removed from this computer's keyring.</source>
      <translation>أُزيلت كلمة مرور البريد من سلسلة مفاتيح هذا الحاسوب.</translation>
    </message>
    <message>
      <source>Credentials saved to the system keyring.</source>
      <translation>حُفظت بيانات الاعتماد في سلسلة مفاتيح النظام.</translation>
    </message>
    <message>
      <source>Save the settings first: Test connection uses the saved DHA mode and address.</source>
      <translation>احفظ الإعدادات أولًا: يستخدم «اختبار الاتصال» وضع DHA وعنوانها المحفوظين.</translation>
    </message>
    <message>
      <source>Testing…</source>
      <translation>جارٍ الاختبار…</translation>
    </message>
    <message>
      <source>Save the settings first: the test email is sent with the saved mail settings and password, as receipts are.</source>
      <translation>احفظ الإعدادات أولًا: تُرسل رسالة الاختبار بإعدادات البريد وكلمة المرور المحفوظة، كما تُرسل الإيصالات.</translation>
    </message>
    <message>
      <source>Sending a test email to {address}…</source>
      <translation>جارٍ إرسال رسالة اختبار إلى {address}…</translation>
    </message>
  </context>
</TS>
