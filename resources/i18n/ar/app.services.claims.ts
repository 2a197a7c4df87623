<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Appointment not found.</source>
      <comment>claims.appointment_not_found</comment>
      <translation>لم يُعثر على الموعد.</translation>
    </message>
    <message>
      <source>Only appointments synchronised from OpenDental can be claimed through OpenDental.</source>
      <comment>claims.appointments_synchronised_opendental_claimed</comment>
      <translation>لا يمكن تقديم مطالبة عبر OpenDental إلا للمواعيد المتزامنة من OpenDental.</translation>
    </message>
    <message>
      <source>A claim is drafted from a completed appointment; OpenDental says this one is {od_apt_status}.</source>
      <comment>claims.claim_drafted_completed_appointment</comment>
      <translation>تُعدّ المطالبة من موعد مكتمل؛ وحالة هذا الموعد في OpenDental هي {od_apt_status}.</translation>
    </message>
    <message>
      <source>This appointment already has claim #{open_claim}.</source>
      <comment>claims.appointment_already_claim</comment>
      <translation>لهذا الموعد مطالبة بالفعل رقم {open_claim}.</translation>
    </message>
    <message>
      <source>OpenDental lists no completed procedures for this appointment yet; the completed-appointments poller brings them within 10 minutes.</source>
      <comment>claims.opendental_lists_no_completed</comment>
      <translation>لا يُظهر OpenDental إجراءات مكتملة لهذا الموعد بعد؛ تجلبها مهمة مزامنة المواعيد المكتملة خلال 10 دقائق.</translation>
    </message>
    <message>
      <source>Claim #{id} is {status}; only a draft is submitted.</source>
      <comment>claims.claim_draft_submitted</comment>
      <translation>حالة المطالبة رقم {id} هي {status}؛ لا تُرسل إلا المسودة.</translation>
    </message>
    <message>
      <source>Claim #{id} changed while it was being submitted.</source>
      <comment>claims.claim_changed_while_being</comment>
      <translation>تغيّرت المطالبة رقم {id} أثناء إرسالها.</translation>
    </message>
    <message>
      <source>Say what was corrected: a claim note or a procedure change.</source>
      <comment>claims.say_what_corrected_claim</comment>
      <translation>اذكر ما تم تصحيحه: ملاحظة على المطالبة أو تغيير في الإجراء.</translation>
    </message>
    <message>
      <source>Claim #{id} is {status}; only a rejected claim is corrected and resubmitted.</source>
      <comment>claims.claim_rejected_claim_corrected</comment>
      <translation>حالة المطالبة رقم {id} هي {status}؛ لا تُصحَّح وتُعاد إرسالها إلا المطالبة المرفوضة.</translation>
    </message>
    <message>
      <source>Procedure(s) {unknown} are not on claim #{claim_id}.</source>
      <comment>claims.procedure_not_claim</comment>
      <translation>الإجراء/الإجراءات {unknown} غير موجودة في المطالبة رقم {claim_id}.</translation>
    </message>
    <message>
      <source>OpenDental has no claimproc for procedure {proc_num} on claim {claim_num}.</source>
      <comment>claims.opendental_no_claimproc_procedure</comment>
      <translation>لا يوجد في OpenDental سجل claimproc للإجراء {proc_num} في المطالبة {claim_num}.</translation>
    </message>
    <message>
      <source>No draft claims to submit.</source>
      <comment>claims.no_draft_claims_submit</comment>
      <translation>لا توجد مسودات مطالبات لإرسالها.</translation>
    </message>
    <message>
      <source>Submit at most {limit} claims at a time.</source>
      <comment>claims.submit_most_claims_time</comment>
      <translation>أرسل {limit} مطالبة كحد أقصى في كل مرة.</translation>
    </message>
    <message>
      <source>OpenDental is not set up on this workstation.</source>
      <comment>claims.opendental_not_set_up</comment>
      <translation>OpenDental غير مُعدّ على محطة العمل هذه.</translation>
    </message>
    <message>
      <source>The claim's OpenDental connection was removed.</source>
      <comment>claims.claim_opendental_connection_removed</comment>
      <translation>تمت إزالة اتصال OpenDental الخاص بالمطالبة.</translation>
    </message>
    <message>
      <source>Claim not found.</source>
      <comment>claims.claim_not_found</comment>
      <translation>لم يُعثر على المطالبة.</translation>
    </message>
  </context>
</TS>
