<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Asset</source>
      <translation>أصول</translation>
    </message>
    <message>
      <source>Equity</source>
      <translation>حقوق الملكية</translation>
    </message>
    <message>
      <source>Liability</source>
      <translation>خصوم</translation>
    </message>
    <message>
      <source>Expense</source>
      <translation>مصروفات</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>إيرادات</translation>
    </message>
    <message>
      <source>How the clinic appears on receipts and reports.</source>
      <translation>كيف تظهر العيادة في الإيصالات والتقارير.</translation>
    </message>
    <message>
      <source>Your clinic</source>
      <translation>عيادتك</translation>
    </message>
    <message>
      <source>e.g. Jumeirah Family Clinic</source>
      <translation>مثال: Jumeirah Family Clinic</translation>
    </message>
    <message>
      <source>e.g. JFC01</source>
      <translation>مثال: JFC01</translation>
    </message>
    <message>
      <source>15 digits, e.g. 100123456700003</source>
      <translation>15 رقمًا، مثال: 100123456700003</translation>
    </message>
    <message>
      <source>Building, street, area, emirate</source>
      <translation>المبنى، الشارع، المنطقة، الإمارة</translation>
    </message>
    <message>
      <source>optional, e.g. +971 4 123 4567</source>
      <translation>اختياري، مثال: +971 4 123 4567</translation>
    </message>
    <message>
      <source>optional</source>
      <translation>اختياري</translation>
    </message>
    <message>
      <source>Hospital code</source>
      <translation>رمز المستشفى</translation>
    </message>
    <message>
      <source>Hospital name</source>
      <translation>اسم المستشفى</translation>
    </message>
    <message>
      <source>TRN (tax registration)</source>
      <translation>الرقم الضريبي (التسجيل الضريبي)</translation>
    </message>
    <message>
      <source>Clinic name</source>
      <translation>اسم العيادة</translation>
    </message>
    <message>
      <source>Short code</source>
      <translation>الرمز المختصر</translation>
    </message>
    <message>
      <source>TRN</source>
      <translation>الرقم الضريبي</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>المنطقة الزمنية</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>العنوان</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>الهاتف</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>البريد الإلكتروني</translation>
    </message>
    <message>
      <source>The clinic name is required.</source>
      <comment>setup_wizard.name_required</comment>
      <translation>اسم العيادة مطلوب.</translation>
    </message>
    <message>
      <source>First administrator</source>
      <translation>المسؤول الأول</translation>
    </message>
    <message>
      <source>The clinic's first account, with administrator rights. Choose the password here; ClinicDesk never sets one for you.</source>
      <translation>أول حساب في العيادة، بصلاحيات المسؤول. اختر كلمة المرور هنا؛ لا يعيّن ClinicDesk كلمة مرور نيابةً عنك أبدًا.</translation>
    </message>
    <message>
      <source>e.g. mariam.k</source>
      <translation>مثال: mariam.k</translation>
    </message>
    <message>
      <source>e.g. Mariam Khalifa</source>
      <translation>مثال: مريم خليفة</translation>
    </message>
    <message>
      <source>Username</source>
      <translation>اسم المستخدم</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>الاسم الكامل</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>كلمة المرور</translation>
    </message>
    <message>
      <source>Password again</source>
      <translation>تأكيد كلمة المرور</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
    <message>
      <source>At least {count} characters, not a common password, not containing the username. A few unrelated words work well.</source>
      <translation>على الأقل {count} حرفًا، وألا تكون كلمة مرور شائعة، وألا تحتوي على اسم المستخدم. بضع كلمات غير مترابطة خيار جيد.</translation>
    </message>
    <message>
      <source>✓ Strong enough.</source>
      <translation>✓ قوية بما يكفي.</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <comment>setup_wizard.passwords_differ</comment>
      <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
    <message>
      <source>Chart of accounts</source>
      <translation>دليل الحسابات</translation>
    </message>
    <message>
      <source>Every clinic starts with the standard general-ledger accounts below; copays, deposits, refunds and VAT post to them.</source>
      <translation>تبدأ كل عيادة بحسابات دفتر الأستاذ العام القياسية أدناه؛ وتُرحَّل إليها نسب التحمل والودائع والمبالغ المستردة وضريبة القيمة المضافة.</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>الحساب</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>النوع</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>الرمز</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>الوصف</translation>
    </message>
    <message>
      <source>Fee (AED, incl. VAT)</source>
      <translation>الرسم (درهم، شامل الضريبة)</translation>
    </message>
    <message>
      <source>VAT %</source>
      <translation>ضريبة القيمة المضافة %</translation>
    </message>
    <message>
      <source>Charge master</source>
      <translation>قائمة الرسوم</translation>
    </message>
    <message>
      <source>What each kind of visit costs. The copay quote starts from these fees; change them to your clinic's prices.</source>
      <translation>تكلفة كل نوع من الزيارات. يبدأ احتساب نسبة التحمل من هذه الرسوم؛ عدّلها وفق أسعار عيادتك.</translation>
    </message>
    <message>
      <source>The VAT % of {code} must be a number, like 5.</source>
      <comment>setup_wizard.vat_not_a_number</comment>
      <translation>يجب أن تكون نسبة ضريبة القيمة المضافة لـ {code} رقمًا، مثل 5.</translation>
    </message>
    <message>
      <source>Copay %</source>
      <translation>نسبة التحمل %</translation>
    </message>
    <message>
      <source>DHA payer id</source>
      <translation>معرّف جهة الدفع لدى DHA</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>Use</source>
      <translation>استخدام</translation>
    </message>
    <message>
      <source>Pre-auth</source>
      <translation>الموافقة المسبقة</translation>
    </message>
    <message>
      <source>Insurance payers and departments</source>
      <translation>جهات الدفع التأمينية والأقسام</translation>
    </message>
    <message>
      <source>Tick the insurers you bill (none is fine: patients are then self-pay until you add one). Names and terms can be edited.</source>
      <translation>حدد شركات التأمين التي تصدر لها الفواتير (يمكن ألا تحدد أيًّا منها: يدفع المرضى حينها ذاتيًا حتى تضيف واحدة). يمكن تعديل الأسماء والشروط.</translation>
    </message>
    <message>
      <source>Add another payer</source>
      <translation>إضافة جهة دفع أخرى</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>القسم</translation>
    </message>
    <message>
      <source>Add department</source>
      <translation>إضافة قسم</translation>
    </message>
    <message>
      <source>Departments (appointments are booked into them)</source>
      <translation>الأقسام (تُحجز المواعيد فيها)</translation>
    </message>
    <message>
      <source>Each payer code may appear once.</source>
      <comment>setup_wizard.payer_code_twice</comment>
      <translation>يجب ألا يتكرر رمز جهة الدفع.</translation>
    </message>
    <message>
      <source>Each department code may appear once.</source>
      <comment>setup_wizard.department_code_twice</comment>
      <translation>يجب ألا يتكرر رمز القسم.</translation>
    </message>
    <message>
      <source>Ready to create the clinic</source>
      <translation>جاهز لإنشاء العيادة</translation>
    </message>
    <message>
      <source>Check the summary, then press Create clinic. Nothing is saved before that.</source>
      <translation>راجع الملخص، ثم اضغط «إنشاء العيادة». لا يُحفظ شيء قبل ذلك.</translation>
    </message>
    <message>
      <source>{description}: {amount}</source>
      <translation>{description}: {amount}</translation>
    </message>
    <message>
      <source>{description}: {amount} (VAT {rate}%)</source>
      <translation>{description}: {amount} (ضريبة القيمة المضافة {rate}%)</translation>
    </message>
    <message>
      <source>none yet (self-pay only)</source>
      <translation>لا يوجد بعد (دفع ذاتي فقط)</translation>
    </message>
    <message>
      <source>none</source>
      <translation>لا يوجد</translation>
    </message>
    <message>
      <source>&lt;b&gt;{name}&lt;/b&gt; — code {code}, TRN {trn}, {timezone}</source>
      <translation>&lt;b&gt;{name}&lt;/b&gt; — الرمز {code}، الرقم الضريبي {trn}، {timezone}</translation>
    </message>
    <message>
      <source>Administrator: &lt;b&gt;{name}&lt;/b&gt; (username &lt;b&gt;{username}&lt;/b&gt;)</source>
      <translation>المسؤول: &lt;b&gt;{name}&lt;/b&gt; (اسم المستخدم &lt;b&gt;{username}&lt;/b&gt;)</translation>
    </message>
    <message>
      <source>Chart of accounts: {count} standard accounts</source>
      <translation>دليل الحسابات: {count} من الحسابات القياسية</translation>
    </message>
    <message>
      <source>Charge master:</source>
      <translation>قائمة الرسوم:</translation>
    </message>
    <message>
      <source>Payers: {payers}</source>
      <translation>جهات الدفع: {payers}</translation>
    </message>
    <message>
      <source>Departments: {departments}</source>
      <translation>الأقسام: {departments}</translation>
    </message>
    <message>
      <source>ClinicDesk — Set up your clinic</source>
      <translation>ClinicDesk — إعداد عيادتك</translation>
    </message>
    <message>
      <source>Create clinic</source>
      <translation>إنشاء العيادة</translation>
    </message>
    <message>
      <source>‹ Back</source>
      <translation>‹ السابق</translation>
    </message>
    <message>
      <source>Next ›</source>
      <translation>التالي ›</translation>
    </message>
    <message>
      <source>Creating the clinic…</source>
      <translation>جارٍ إنشاء العيادة…</translation>
    </message>
    <message>
      <source>ClinicDesk — setup</source>
      <translation>ClinicDesk — الإعداد</translation>
    </message>
  </context>
</TS>
