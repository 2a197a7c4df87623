<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <extracomment>workstation_hospital_no_longer</extracomment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
    <message>
      <source>{label} must be a whole number.</source>
      <extracomment>must_whole_number</extracomment>
      <translation>يجب أن يكون {label} عددًا صحيحًا.</translation>
    </message>
    <message>
      <source>DHA mode must be one of {modes}.</source>
      <extracomment>dha_mode_must_one</extracomment>
      <translation>يجب أن يكون وضع DHA أحد الخيارات التالية: {modes}.</translation>
    </message>
    <message>
      <source>The DHA timeout must be between 1 and 120 seconds.</source>
      <extracomment>dha_timeout_must_between</extracomment>
      <translation>يجب أن تكون مهلة DHA بين 1 و120 ثانية.</translation>
    </message>
    <message>
      <source>The mail server port must be between 1 and 65535.</source>
      <extracomment>mail_server_port_must</extracomment>
      <translation>يجب أن يكون منفذ خادم البريد بين 1 و65535.</translation>
    </message>
    <message>
      <source>Enter the sender address receipts are emailed from.</source>
      <extracomment>enter_sender_address_receipts</extracomment>
      <translation>أدخل عنوان المرسل الذي تُرسل منه الإيصالات بالبريد الإلكتروني.</translation>
    </message>
    <message>
      <source>The idle lock must be between {low} and {high} minutes.</source>
      <extracomment>idle_lock_must_between</extracomment>
      <translation>يجب أن تكون مدة القفل عند الخمول بين {low} و{high} دقيقة.</translation>
    </message>
    <message>
      <source>A sign-in must last between {low} and {high} hours.</source>
      <extracomment>sign_must_last_between</extracomment>
      <translation>يجب أن تستمر مدة تسجيل الدخول بين {low} و{high} ساعة.</translation>
    </message>
    <message>
      <source>The maker-checker choices must be yes or no.</source>
      <extracomment>maker_checker_choices_must</extracomment>
      <translation>يجب أن تكون خيارات فصل الصلاحيات (المُنشئ والمراجع) نعم أو لا.</translation>
    </message>
    <message>
      <source>DHA eClaimLink is not available in this installation.</source>
      <extracomment>dha_eclaimlink_not_available</extracomment>
      <translation>DHA eClaimLink غير متاح في هذا التثبيت.</translation>
    </message>
    <message>
      <source>Connected — {detail}.</source>
      <extracomment>dha_connected</extracomment>
      <translation>متصل — {detail}.</translation>
    </message>
    <message>
      <source>Type the mail server password, or use Clear to remove the stored one.</source>
      <extracomment>type_mail_server_password</extracomment>
      <translation>اكتب كلمة مرور خادم البريد، أو استخدم «مسح» لإزالة كلمة المرور المحفوظة.</translation>
    </message>
    <message>
      <source>The mail server password can have at most 256 characters.</source>
      <extracomment>mail_server_password_most</extracomment>
      <translation>لا تتجاوز كلمة مرور خادم البريد 256 حرفًا.</translation>
    </message>
    <message>
      <source>Enter the mail server and save the settings before sending a test email.</source>
      <extracomment>enter_mail_server_save</extracomment>
      <translation>أدخل خادم البريد واحفظ الإعدادات قبل إرسال بريد تجريبي.</translation>
    </message>
    <message>
      <source>The mail server at {server} (signed in as {user}) accepted the test email for {address}. Check that it arrives; look in the spam folder too.</source>
      <extracomment>test_email_accepted_login</extracomment>
      <translation>قبل خادم البريد في {server} (مسجّل الدخول باسم {user}) البريد التجريبي إلى {address}. تحقّق من وصوله، وابحث في مجلد البريد غير المرغوب فيه أيضًا.</translation>
    </message>
    <message>
      <source>The mail server at {server} accepted the test email for {address}. Check that it arrives; look in the spam folder too.</source>
      <extracomment>test_email_accepted</extracomment>
      <translation>قبل خادم البريد في {server} البريد التجريبي إلى {address}. تحقّق من وصوله، وابحث في مجلد البريد غير المرغوب فيه أيضًا.</translation>
    </message>
  </context>
</TS>
