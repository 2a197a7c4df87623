<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Last seen</source>
      <translation>آخر نشاط</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>الدور</translation>
    </message>
    <message>
      <source>Signed in</source>
      <translation>وقت الدخول</translation>
    </message>
    <message>
      <source>User</source>
      <translation>المستخدم</translation>
    </message>
    <message>
      <source>Workstation</source>
      <translation>محطة العمل</translation>
    </message>
    <message>
      <source>Sign-in ends</source>
      <translation>انتهاء تسجيل الدخول</translation>
    </message>
    <message>
      <source>Accountant</source>
      <translation>محاسب</translation>
    </message>
    <message>
      <source>Doctor</source>
      <translation>طبيب</translation>
    </message>
    <message>
      <source>Nurse</source>
      <translation>ممرض/ممرضة</translation>
    </message>
    <message>
      <source>Receptionist</source>
      <translation>موظف استقبال</translation>
    </message>
    <message>
      <source>Hospital Admin</source>
      <translation>مسؤول المستشفى</translation>
    </message>
    <message>
      <source>Super Admin</source>
      <translation>مسؤول أعلى</translation>
    </message>
    <message>
      <source>Signed-in sessions</source>
      <translation>الجلسات النشطة</translation>
    </message>
    <message>
      <source>Everyone signed in at this hospital, and on which workstation. Ending a session sends that workstation back to its sign-in window within seconds; anything not yet saved there is not saved.</source>
      <translation>جميع المستخدمين المسجَّل دخولهم في هذا المستشفى، وعلى أي محطة عمل. إنهاء الجلسة يعيد محطة العمل إلى نافذة تسجيل الدخول خلال ثوانٍ، ولا يُحفظ ما لم يُحفظ عليها بعد.</translation>
    </message>
    <message>
      <source>Nobody else is signed in at this hospital.</source>
      <translation>لا يوجد مستخدم آخر مسجَّل الدخول في هذا المستشفى.</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>تحديث</translation>
    </message>
    <message>
      <source>End session</source>
      <translation>إنهاء الجلسة</translation>
    </message>
    <message>
      <source>End the session of {name} on {workstation}?

That workstation goes back to its sign-in window at once; anything not yet saved there is lost.</source>
      <translation>هل تريد إنهاء جلسة {name} على {workstation}؟

ستعود محطة العمل تلك إلى نافذة تسجيل الدخول فورًا، وسيضيع كل ما لم يُحفظ عليها بعد.</translation>
    </message>
    <message>
      <source>Ended the session of {name} on {workstation}; that workstation is back at its sign-in window.</source>
      <translation>تم إنهاء جلسة {name} على {workstation}؛ عادت محطة العمل تلك إلى نافذة تسجيل الدخول.</translation>
    </message>
  </context>
</TS>
