<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>DHA eligibility is not configured on this workstation: the patient was looked up by the Emirates ID on file and the insurance on file will be used. Check the insurance card.</source>
      <translation>التحقق من الأهلية لدى DHA غير مُعدّ على محطة العمل هذه: تم البحث عن المريض بالهوية الإماراتية المسجلة وسيُستخدم التأمين المسجّل في الملف. تحقّق من بطاقة التأمين.</translation>
    </message>
    <message>
      <source>Consultation (new)</source>
      <translation>استشارة (جديدة)</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>طوارئ</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>متابعة</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>أنثى</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>ذكر</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>آخر</translation>
    </message>
    <message>
      <source>Walk-in</source>
      <translation>المراجعون بدون موعد</translation>
    </message>
    <message>
      <source>1  Find the patient   {arrow}   2  Register if new   {arrow}   3  Doctor and visit   {arrow}   4  Copay and check-in</source>
      <translation>1  البحث عن المريض   {arrow}   2  التسجيل إن كان جديداً   {arrow}   3  الطبيب والزيارة   {arrow}   4  نسبة التحمل وتسجيل الوصول</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>جارٍ البحث…</translation>
    </message>
    <message>
      <source>1. Find the patient</source>
      <translation>1. البحث عن المريض</translation>
    </message>
    <message>
      <source>&amp;Emirates ID</source>
      <translation>الهوية الإماراتية</translation>
    </message>
    <message>
      <source>&amp;Name or MRN</source>
      <translation>الاسم أو رقم الملف الطبي</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>بحث</translation>
    </message>
    <message>
      <source>Patients found</source>
      <translation>المرضى الذين تم العثور عليهم</translation>
    </message>
    <message>
      <source>&amp;Register new patient…</source>
      <translation>تسجيل مريض جديد…</translation>
    </message>
    <message>
      <source>2. Quick registration — fields marked * are required</source>
      <translation>2. تسجيل سريع — الحقول المعلّمة بـ * إلزامية</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>اختر…</translation>
    </message>
    <message>
      <source>784-YYYY-NNNNNNN-C (if the patient has one)</source>
      <translation>784-YYYY-NNNNNNN-C (إن كانت لدى المريض)</translation>
    </message>
    <message>
      <source>First name</source>
      <translation>الاسم الأول</translation>
    </message>
    <message>
      <source>Last name</source>
      <translation>اسم العائلة</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>الجنس</translation>
    </message>
    <message>
      <source>First name *</source>
      <translation>الاسم الأول *</translation>
    </message>
    <message>
      <source>Last name *</source>
      <translation>اسم العائلة *</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>تاريخ الميلاد</translation>
    </message>
    <message>
      <source>Gender *</source>
      <translation>الجنس *</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>الهاتف</translation>
    </message>
    <message>
      <source>Emirates ID</source>
      <translation>الهوية الإماراتية</translation>
    </message>
    <message>
      <source>Register patient</source>
      <translation>تسجيل المريض</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>3. Doctor and visit</source>
      <translation>3. الطبيب والزيارة</translation>
    </message>
    <message>
      <source>No patient chosen yet.</source>
      <translation>لم يتم اختيار مريض بعد.</translation>
    </message>
    <message>
      <source>Doctor</source>
      <translation>الطبيب</translation>
    </message>
    <message>
      <source>Visit type</source>
      <translation>نوع الزيارة</translation>
    </message>
    <message>
      <source>Create walk-in and continue to &amp;copay</source>
      <translation>إنشاء زيارة بدون موعد والمتابعة إلى نسبة التحمل</translation>
    </message>
    <message>
      <source>Scan the card or type the Emirates ID, then Enter</source>
      <translation>امسح البطاقة أو اكتب رقم الهوية الإماراتية، ثم Enter</translation>
    </message>
    <message>
      <source>Patient name or MRN, then Enter</source>
      <translation>اسم المريض أو رقم الملف الطبي، ثم Enter</translation>
    </message>
    <message>
      <source>No doctor has appointments today, so none can be offered for a walk-in.</source>
      <translation>لا يوجد طبيب لديه مواعيد اليوم، لذا لا يمكن اقتراح طبيب لزيارة بدون موعد.</translation>
    </message>
    <message>
      <source>Enter an Emirates ID, a name or an MRN.</source>
      <translation>أدخل الهوية الإماراتية أو الاسم أو رقم الملف الطبي.</translation>
    </message>
    <message>
      <source>No patient found for this Emirates ID. Register the patient (the form is on the right).</source>
      <translation>لم يُعثر على مريض بهذه الهوية الإماراتية. سجّل المريض (النموذج على اليسار).</translation>
    </message>
    <message>
      <source>No patient found for “{query}”. Register the patient (the form is on the right).</source>
      <translation>لم يُعثر على مريض باسم «{query}». سجّل المريض (النموذج على اليسار).</translation>
    </message>
    <message>
      <source>no Emirates ID on file</source>
      <translation>لا توجد هوية إماراتية مسجلة</translation>
    </message>
    <message>
      <source>self-pay</source>
      <translation>على نفقته الخاصة</translation>
    </message>
    <message>
      <source>EID verification needed</source>
      <translation>يلزم التحقق من الهوية الإماراتية</translation>
    </message>
    <message>
      <source>Picked by name or MRN: confirm the patient's Emirates ID before trusting the insurance on file.</source>
      <translation>تم الاختيار بالاسم أو برقم الملف الطبي: تأكّد من الهوية الإماراتية للمريض قبل الاعتماد على التأمين المسجّل.</translation>
    </message>
    <message>
      <source>Fill in the fields marked *.</source>
      <translation>املأ الحقول المعلّمة بـ *.</translation>
    </message>
    <message>
      <source>{problem}.</source>
      <translation>{problem}.</translation>
    </message>
    <message>
      <source>Registering…</source>
      <translation>جارٍ التسجيل…</translation>
    </message>
    <message>
      <source>(new)</source>
      <translation>(جديد)</translation>
    </message>
    <message>
      <source>Registered {first} {last} ({mrn}).</source>
      <translation>تم تسجيل {first} {last} ({mrn}).</translation>
    </message>
    <message>
      <source>No patient chosen yet: search, or register a new patient.</source>
      <translation>لم يتم اختيار مريض بعد: ابحث، أو سجّل مريضاً جديداً.</translation>
    </message>
    <message>
      <source>deposit {amount}</source>
      <translation>الوديعة {amount}</translation>
    </message>
    <message>
      <source>EID verification needed: this patient was found by name or MRN (or has no Emirates ID on file). Check the Emirates ID card before relying on the insurance on file.</source>
      <translation>يلزم التحقق من الهوية الإماراتية: تم العثور على هذا المريض بالاسم أو برقم الملف الطبي (أو لا توجد له هوية إماراتية مسجلة). تحقّق من بطاقة الهوية الإماراتية قبل الاعتماد على التأمين المسجّل.</translation>
    </message>
    <message>
      <source>Creating the walk-in…</source>
      <translation>جارٍ إنشاء الزيارة بدون موعد…</translation>
    </message>
    <message>
      <source>{name} checked in — token #{token}. Ready for the next walk-in.</source>
      <translation>تم تسجيل وصول {name} — الرقم #{token}. جاهز للزيارة التالية بدون موعد.</translation>
    </message>
  </context>
</TS>
