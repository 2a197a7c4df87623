<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <comment>settings.workstation_hospital_no_longer</comment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
    <message>
      <source>{label} must be a whole number.</source>
      <comment>settings.must_whole_number</comment>
      <translation>يجب أن يكون {label} عددًا صحيحًا.</translation>
    </message>
    <message>
      <source>DHA mode must be one of {modes}.</source>
      <comment>settings.dha_mode_must_one</comment>
      <translation>يجب أن يكون وضع DHA أحد الخيارات التالية: {modes}.</translation>
    </message>
    <message>
      <source>The DHA timeout must be between 1 and 120 seconds.</source>
      <comment>settings.dha_timeout_must_between</comment>
      <translation>يجب أن تكون مهلة DHA بين 1 و120 ثانية.</translation>
    </message>
    <message>
      <source>The mail server port must be between 1 and 65535.</source>
      <comment>settings.mail_server_port_must</comment>
      <translation>يجب أن يكون منفذ خادم البريد بين 1 و65535.</translation>
    </message>
    <message>
      <source>Enter the sender address receipts are emailed from.</source>
      <comment>settings.enter_sender_address_receipts</comment>
      <translation>أدخل عنوان المرسل الذي تُرسل منه الإيصالات بالبريد الإلكتروني.</translation>
    </message>
    <message>
      <source>The idle lock must be between {low} and {high} minutes.</source>
      <comment>settings.idle_lock_must_between</comment>
      <translation>يجب أن تكون مدة القفل عند الخمول بين {low} و{high} دقيقة.</translation>
    </message>
    <message>
      <source>A sign-in must last between {low} and {high} hours.</source>
      <comment>settings.sign_must_last_between</comment>
      <translation>يجب أن تستمر مدة تسجيل الدخول بين {low} و{high} ساعة.</translation>
    </message>
    <message>
      <source>The maker-checker choices must be yes or no.</source>
      <comment>settings.maker_checker_choices_must</comment>
      <translation>يجب أن تكون خيارات فصل الصلاحيات (المُنشئ والمراجع) نعم أو لا.</translation>
    </message>
    <message>
      <source>The digits of the Arabic interface must be western or arabic-indic.</source>
      <comment>settings.number_digits_choices</comment>
      <translation>يجب أن تكون أرقام الواجهة العربية غربية أو هندية.</translation>
    </message>
    <message>
      <source>DHA eClaimLink is not available in this installation.</source>
      <comment>settings.dha_eclaimlink_not_available</comment>
      <translation>DHA eClaimLink غير متاح في هذا التثبيت.</translation>
    </message>
    <message>
      <source>Connected — {detail}.</source>
      <comment>settings.dha_connected</comment>
      <translation>متصل — {detail}.</translation>
    </message>
    <message>
      <source>Type the mail server password, or use Clear to remove the stored one.</source>
      <comment>settings.type_mail_server_password</comment>
      <translation>اكتب كلمة مرور خادم البريد، أو استخدم «مسح» لإزالة كلمة المرور المحفوظة.</translation>
    </message>
    <message>
      <source>The mail server password can have at most 256 characters.</source>
      <comment>settings.mail_server_password_most</comment>
      <translation>لا تتجاوز كلمة مرور خادم البريد 256 حرفًا.</translation>
    </message>
    <message>
      <source>Enter the mail server and save the settings before sending a test email.</source>
      <comment>settings.enter_mail_server_save</comment>
      <translation>أدخل خادم البريد واحفظ الإعدادات قبل إرسال بريد تجريبي.</translation>
    </message>
    <message>
      <source>The mail server at {server} (signed in as {user}) accepted the test email for {address}. Check that it arrives; look in the spam folder too.</source>
      <comment>settings.test_email_accepted_login</comment>
      <translation>قبل خادم البريد في {server} (مسجّل الدخول باسم {user}) البريد التجريبي إلى {address}. تحقّق من وصوله، وابحث في مجلد البريد غير المرغوب فيه أيضًا.</translation>
    </message>
    <message>
      <source>The mail server at {server} accepted the test email for {address}. Check that it arrives; look in the spam folder too.</source>
      <comment>settings.test_email_accepted</comment>
      <translation>قبل خادم البريد في {server} البريد التجريبي إلى {address}. تحقّق من وصوله، وابحث في مجلد البريد غير المرغوب فيه أيضًا.</translation>
    </message>
  </context>
</TS>
